import { largestSection, oneItemQuestionnaire, servedEvaluationQuestionnaire } from './served-questionnaire';

describe('the keystroke benchmark’s questionnaires', () => {
  const full = servedEvaluationQuestionnaire();

  it('picks the theme with the most items', () => {
    const count = (theme: string) => full.items.filter((item) => item.theme === theme).length;
    const theme = largestSection(full);
    const most = Math.max(...full.items.map((item) => count(item.theme)));
    expect(count(theme)).toBe(most);
    expect(most).toBeGreaterThan(1);
  });

  it('cuts the questionnaire to one item, its schema and texts otherwise the same', () => {
    const itemId = full.items[3].id;
    const alone = oneItemQuestionnaire(full, itemId);
    expect(alone.items).toEqual([full.items[3]]);
    const properties = (doc: typeof full) => (doc.schema.properties ?? {}) as Record<string, unknown>;
    expect(Object.keys(properties(alone))).toEqual([itemId]);
    expect(properties(alone)[itemId]).toBe(properties(full)[itemId]);
    expect(alone.schema.$defs).toBe(full.schema.$defs);
    expect(alone.texts).toBe(full.texts);
    expect(alone.language).toBe('fr');
  });
});
