import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { DEF_FILES, QUESTIONNAIRE_FILES } from '../files/questionnaire-files';
import { prepareQuestionnaire } from '../schema/prepare-questionnaire';
import { CompiledQuestionnaire } from './compiled-questionnaire';

const examples = path.resolve(__dirname, '..', '..', '..', '..', 'schemas', 'examples', 'evaluation-round');
const load = (name: string): Record<string, unknown> =>
  JSON.parse(fs.readFileSync(path.join(examples, name), 'utf8')) as Record<string, unknown>;

describe('CompiledQuestionnaire.validateDraft', () => {
  const compiled = prepareQuestionnaire(QUESTIONNAIRE_FILES[0], DEF_FILES).compiled;
  const agrees = (document: unknown): void => {
    const both = compiled.validateDraft(document, 'es');
    expect(both.strict).toEqual(compiled.validate(document, 'strict', 'es'));
    expect(both.lenient.valid).toBe(compiled.validate(document, 'lenient', 'es').valid);
    if (!both.lenient.valid) expect(both.lenient).toEqual(compiled.validate(document, 'lenient', 'es'));
  };

  it('answers like the two validators on the example documents', () => {
    expect(compiled.lenientIsRelaxation()).toBe(true);
    for (const file of fs.readdirSync(examples).filter((f) => !f.endsWith('.expected.json'))) agrees(load(file));
    agrees({});
    agrees([]);
    agrees(null);
  });

  it('answers like the two validators on partial and damaged drafts', () => {
    const full = load('valid-argentina-complete.json');
    // A path to every value in the document, so any one can be dropped or replaced.
    const paths: string[][] = [];
    const walk = (node: unknown, at: string[]): void => {
      paths.push(at);
      if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) walk(v, [...at, k]);
    };
    walk(full, []);
    const edit = (at: string[], value: unknown | undefined): Record<string, unknown> => {
      const copy = structuredClone(full);
      if (at.length === 0) return copy;
      let node = copy;
      for (const k of at.slice(0, -1)) node = node[k] as Record<string, unknown>;
      if (value === undefined) delete node[at[at.length - 1]];
      else node[at[at.length - 1]] = value;
      return copy;
    };
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...Object.keys(full)), { maxLength: 20 }),
        fc.nat(paths.length - 1),
        fc.oneof(
          fc.constant(undefined),
          fc.constant('x'),
          fc.constant(''),
          fc.constant(-1),
          fc.constant(null),
          fc.constant([]),
          fc.constant({}),
          fc.constant(true),
        ),
        (drop, pathIndex, value) => {
          const damaged = edit(paths[pathIndex], value);
          for (const id of drop) delete damaged[id];
          agrees(damaged);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('validates leniently on its own when the schema is not a plain relaxation (an if/then)', () => {
    const q = new CompiledQuestionnaire(
      {
        type: 'object',
        properties: { a: { type: 'string' }, b: { type: 'string' } },
        if: { properties: { a: { type: 'string' } }, required: ['a'] },
        then: { properties: { b: { const: 'yes' } } },
      },
      QUESTIONNAIRE_FILES[0].i18n,
    );
    expect(q.lenientIsRelaxation()).toBe(false);
    // Strictly valid (no `a`, so the `if` does not match), but the lenient `if` lost its `required`
    // and matches, so the lenient `then` refuses b: the lenient validator must run.
    expect(q.validate({ b: 'no' }, 'strict', 'en').valid).toBe(true);
    expect(q.validateDraft({ b: 'no' }, 'en').lenient.valid).toBe(false);
  });
});
