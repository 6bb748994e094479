// The questionnaire files themselves: listed in the registry's manifest, valid in Ajv's strict
// mode and the conventions, a real evaluation instrument, and translated (en and es complete).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {
  CONVENTION_ARTICLES,
  DEF_FILES,
  checkCarryOverMapping,
  INDICATOR_KINDS,
  QUESTIONNAIRE_FILES,
  THEMES,
  missingTranslations,
  prepareQuestionnaire,
  questionnaireItems,
  textsFor,
} from '@mesecvi/questionnaires';

const root = path.join(__dirname, '..');

describe('questionnaire files', () => {
  it('lists every file of schemas/defs and schemas/questionnaires in the manifest', () => {
    expect(fs.readdirSync(path.join(__dirname, 'defs')).sort()).toEqual(Object.keys(DEF_FILES).sort());
    const questionnaires = fs
      .readdirSync(path.join(__dirname, 'questionnaires'))
      .filter((f) => f.endsWith('.schema.json'));
    expect(questionnaires.map((f) => f.replace('.schema.json', '')).sort()).toEqual(
      QUESTIONNAIRE_FILES.map((q) => q.key).sort(),
    );
    for (const q of QUESTIONNAIRE_FILES) {
      const languages = fs
        .readdirSync(path.join(__dirname, 'questionnaires', `${q.key}.i18n`))
        .map((f) => f.replace('.json', ''));
      expect(languages.sort()).toEqual(Object.keys(q.i18n).sort());
    }
    // A carry-over mapping beside a schema is in the manifest, and maps only to items the schema has.
    const mappings = fs
      .readdirSync(path.join(__dirname, 'questionnaires'))
      .filter((f) => f.endsWith('.carry-over.json'));
    expect(mappings.map((f) => f.replace('.carry-over.json', '')).sort()).toEqual(
      QUESTIONNAIRE_FILES.filter((q) => q.carryOver)
        .map((q) => q.key)
        .sort(),
    );
    for (const q of QUESTIONNAIRE_FILES.filter((f) => f.carryOver)) {
      expect(() => checkCarryOverMapping(q.key, q.carryOver, prepareQuestionnaire(q, DEF_FILES).schema)).not.toThrow();
    }
  });

  it.each(QUESTIONNAIRE_FILES.map((q) => [q.key, q] as const))(
    '%s compiles in strict mode and follows the conventions',
    (_key, q) => {
      const prepared = prepareQuestionnaire(q, DEF_FILES);
      expect(prepared.contentHash).toMatch(/^[0-9a-f]{64}$/);
      expect(JSON.stringify(prepared.schema)).not.toMatch(/"\$ref":"(?!#)/);
    },
  );

  describe('evaluation-round', () => {
    const file = QUESTIONNAIRE_FILES.find((q) => q.key === 'evaluation-round');
    if (!file) throw new Error('evaluation-round is missing');
    const items = questionnaireItems(prepareQuestionnaire(file, DEF_FILES).schema);

    it('has at least 40 items over the seven themes, each tagged with Convention articles', () => {
      expect(items.length).toBeGreaterThanOrEqual(40);
      expect([...new Set(items.map((i) => i.theme))]).toEqual([...THEMES]);
      for (const item of items) {
        expect(item.articles.length).toBeGreaterThan(0);
        for (const article of item.articles) expect(CONVENTION_ARTICLES).toContain(article);
      }
      expect([...new Set(items.map((i) => i.indicator))].sort()).toEqual([...INDICATOR_KINDS].sort());
      // Federal-unit items are optional: unitary states leave them out.
      expect(items.filter((i) => !i.required).map((i) => i.id)).toEqual(['BUD-05', 'STA-05']);
    });

    it('is translated: every text in English and Spanish (required), French and Portuguese (so far)', () => {
      expect(missingTranslations(file.i18n)).toEqual([]);
      const fr = textsFor(file.i18n, 'fr');
      for (const item of items) expect(fr.items[item.id].label).not.toBe(file.i18n.en.items[item.id].label);
    });
  });

  it('npm run schemas:i18n-missing lists the gaps per language', () => {
    const run = spawnSync(process.execPath, ['-r', '@swc-node/register', 'scripts/schemas-i18n-missing.ts', 'pt'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(run.status).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^evaluation-round: \d+ missing \(es 0, fr \d+, pt \d+\)$/);
    expect(lines.slice(1).every((l) => l.startsWith('  pt  items.'))).toBe(true);
  });
});
