import { toCsv } from './csv';

describe('toCsv', () => {
  it('quotes separators, quotes and line ends, leaves numbers and nulls plain', () => {
    expect(toCsv([['a', 'b,c', 'say "hi"', 'x\ny', 3, null, true]])).toBe('a,"b,c","say ""hi""","x\ny",3,,true');
  });

  it('defuses cells a spreadsheet would run as formulas', () => {
    expect(toCsv([['=HYPERLINK("http://evil")', '+1', '@SUM(A1)', -2]])).toBe(
      `"'=HYPERLINK(""http://evil"")",'+1,'@SUM(A1),-2`,
    );
  });
});
