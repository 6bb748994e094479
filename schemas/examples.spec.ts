// Every example answer of schemas/examples/<questionnaire>/: valid-*.json pass strict (and
// lenient) validation; invalid-*.json fail with exactly the pointers and keywords listed in the
// invalid-*.expected.json beside them, for the final submission (strict) and for a draft (lenient).
import fs from 'node:fs';
import path from 'node:path';
import { DEF_FILES, QUESTIONNAIRE_FILES, prepareQuestionnaire, type ValidationMode } from '@mesecvi/questionnaires';

interface Expected {
  strict: Array<{ pointer: string; keyword: string }>;
  lenient: Array<{ pointer: string; keyword: string }>;
}

const examplesDir = path.join(__dirname, 'examples');
const read = (file: string): unknown => JSON.parse(fs.readFileSync(file, 'utf8'));

describe.each(QUESTIONNAIRE_FILES.map((f) => [f.key, f] as const))('examples of %s', (key, file) => {
  const compiled = prepareQuestionnaire(file, DEF_FILES).compiled;
  const dir = path.join(examplesDir, key);
  const examples = fs.readdirSync(dir).filter((f) => f.endsWith('.json') && !f.endsWith('.expected.json'));
  const valid = examples.filter((f) => f.startsWith('valid-'));
  const invalid = examples.filter((f) => f.startsWith('invalid-'));

  it('has valid and invalid examples, and nothing else', () => {
    expect(valid.length).toBeGreaterThan(0);
    expect(invalid.length).toBeGreaterThan(0);
    expect(examples.filter((f) => !valid.includes(f) && !invalid.includes(f))).toEqual([]);
  });

  it.each(valid)('%s passes strict and lenient validation', (name) => {
    const document = read(path.join(dir, name));
    for (const mode of ['strict', 'lenient'] as ValidationMode[]) {
      expect({ mode, errors: compiled.validate(document, mode, 'en').errors }).toEqual({ mode, errors: [] });
    }
  });

  it.each(invalid)('%s fails with the expected pointers', (name) => {
    const expected = read(path.join(dir, name.replace(/\.json$/, '.expected.json'))) as Expected;
    const document = read(path.join(dir, name));
    for (const mode of ['strict', 'lenient'] as ValidationMode[]) {
      const result = compiled.validate(document, mode, 'es');
      expect({ mode, got: result.errors.map(({ pointer, keyword }) => ({ pointer, keyword })) }).toEqual({
        mode,
        got: expected[mode],
      });
      expect(result.valid).toBe(expected[mode].length === 0);
      for (const issue of result.errors) {
        // Plain sentences in the caller's language, never Ajv's "must be …".
        expect(issue.message).not.toMatch(/\bmust\b/);
        expect(issue.message).toMatch(/[.]$/);
      }
    }
  });
});
