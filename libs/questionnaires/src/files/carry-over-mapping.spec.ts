import { carryOverTargets, checkCarryOverMapping } from './carry-over-mapping';

const schema = { type: 'object', properties: { 'LEG-01': {}, 'LEG-10': {}, 'PLN-01': {} } };

describe('carry-over mapping', () => {
  it('accepts renames to items the questionnaire has, per source version', () => {
    const mapping = checkCarryOverMapping(
      'evaluation-round',
      { $comment: 'x', fromVersions: { '1': { 'LEG-02': 'LEG-10' } } },
      schema,
    );
    expect(carryOverTargets(mapping, 1, ['LEG-01', 'LEG-02'])).toEqual(
      new Map([
        ['LEG-01', 'LEG-01'],
        ['LEG-02', 'LEG-10'],
      ]),
    );
    // Another source version, or no mapping at all: ids match as they are.
    expect(carryOverTargets(mapping, 2, ['LEG-02']).get('LEG-02')).toBe('LEG-02');
    expect(carryOverTargets(null, 1, ['LEG-02']).get('LEG-02')).toBe('LEG-02');
    // Inherited object keys are not renames.
    expect(carryOverTargets(mapping, 1, ['constructor']).get('constructor')).toBe('constructor');
  });

  it('refuses a mapping of the wrong form, to an unknown item, or two items to one', () => {
    expect(() => checkCarryOverMapping('q', { fromVersions: { '1': { 'LEG-02': 'LEG-99' } } }, schema)).toThrow(
      /LEG-99/,
    );
    expect(() =>
      checkCarryOverMapping('q', { fromVersions: { '1': { 'LEG-02': 'LEG-10', 'LEG-03': 'LEG-10' } } }, schema),
    ).toThrow(/two items/);
    expect(() => checkCarryOverMapping('q', { fromVersions: { one: {} } }, schema)).toThrow(
      /carry-over mapping of questionnaire q/,
    );
    expect(() => checkCarryOverMapping('q', { fromVersions: { '1': { 'LEG-02': 7 } } }, schema)).toThrow();
    expect(() => checkCarryOverMapping('q', { renames: {} }, schema)).toThrow();
  });
});
