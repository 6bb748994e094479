import { formTranslator } from './form-messages';
import { fieldElementId, itemOf, pointerLabel, pointerSegments, uiOfPointer } from './pointers';

describe('pointers into the answers', () => {
  const texts = {
    themes: {},
    options: {},
    fields: { citations: 'Lois citées', name: 'Nom', a_b: 'Champ' },
    items: { 'LEG-03': { label: 'Féminicide' } },
  };

  it('split and unescape (RFC 6901), the item first', () => {
    expect(pointerSegments('/LEG-03/a~1b/c~0d')).toEqual(['LEG-03', 'a/b', 'c~d']);
    expect(itemOf('/LEG-03/citations/0/name')).toBe('LEG-03');
  });

  it("name the form's element as the form library does", () => {
    expect(fieldElementId('/LEG-03')).toBe('q_LEG-03');
    expect(fieldElementId('/LEG-03/citations/0/name')).toBe('q_LEG-03_citations_0_name');
  });

  it('read as the question, its fields and row numbers, never the pointer', () => {
    const t = formTranslator('fr', false);
    expect(pointerLabel('/LEG-03/citations/1/name', texts, t)).toBe('Féminicide › Lois citées › Ligne 2 › Nom');
    expect(pointerLabel('/LEG-03', texts, t)).toBe('Féminicide');
  });

  it("find the field's uiSchema, rows sharing their list's", () => {
    const ui = { 'LEG-03': { citations: { items: { name: { 'ui:title': 'Nom' } } } } };
    expect(uiOfPointer(ui, '/LEG-03/citations/4/name')).toEqual({ 'ui:title': 'Nom' });
    expect(uiOfPointer(ui, '/LEG-09/x')).toBeUndefined();
  });
});
