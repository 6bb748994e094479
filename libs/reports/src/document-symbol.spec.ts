import { formatSymbol } from './document-symbol';

describe('formatSymbol', () => {
  it('fills the OAS style pattern', () => {
    expect(formatSymbol('MESECVI/CEVI/doc.{n}/{yy}', 12, 2026)).toBe('MESECVI/CEVI/doc.12/26');
    expect(formatSymbol('CEVI-{yyyy}-{n}', 3, 2031)).toBe('CEVI-2031-3');
    expect(formatSymbol('doc.{n}/{yy}', 1, 2105)).toBe('doc.1/05');
  });
});
