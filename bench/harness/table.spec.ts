import { atLeast, atMost, medianRound, type Comparison } from './benchmark';
import { formatFigure, renderTable, TABLE_HEADER, verdictOf } from './table';

const comparison = (target = atLeast(0.5)): Comparison => ({
  name: 'a vs b',
  workload: (smoke) => (smoke ? 'tiny' : 'full size'),
  units: 'req/s',
  target,
});

describe('benchmark table', () => {
  it('judges the ratio against the target in full mode only', () => {
    expect(verdictOf({ comparison: comparison(), figures: { ours: 60, baseline: 100 }, smoke: false })).toBe('pass');
    expect(verdictOf({ comparison: comparison(), figures: { ours: 40, baseline: 100 }, smoke: false })).toBe('FAIL');
    expect(verdictOf({ comparison: comparison(atMost(2)), figures: { ours: 300, baseline: 100 }, smoke: false })).toBe(
      'FAIL',
    );
    expect(verdictOf({ comparison: comparison(), figures: { ours: 1, baseline: 100 }, smoke: true })).toBe('smoke');
    expect(verdictOf({ comparison: comparison(), smoke: false })).toBe('ERROR');
  });

  it('prints one header, a rule and a row per comparison, with the workload for the mode', () => {
    const lines = renderTable([
      { comparison: comparison(), figures: { ours: 12345.6, baseline: 20000 }, smoke: true },
    ]).split('\n');
    expect(lines).toHaveLength(3);
    expect(
      lines[0]
        .split('|')
        .slice(1, -1)
        .map((c) => c.trim()),
    ).toEqual([...TABLE_HEADER]);
    expect(
      lines[2]
        .split('|')
        .slice(1, -1)
        .map((c) => c.trim()),
    ).toEqual(['a vs b', 'tiny', '12,346 req/s', '20,000 req/s', '0.62', 'ratio >= 0.5', 'smoke']);
  });

  it('keeps two decimals for small figures', () => {
    expect(formatFigure(1.234, 'ms')).toBe('1.23 ms');
  });

  it('reports the round with the median ratio, its own figures untouched', () => {
    const rounds = [
      { ours: 40, baseline: 100 },
      { ours: 90, baseline: 150 },
      { ours: 50, baseline: 80 },
    ];
    expect(medianRound(rounds)).toEqual({ ours: 90, baseline: 150 }); // ratios 0.4, 0.6, 0.625
    expect(
      medianRound([
        { ours: 1, baseline: 2 },
        { ours: 3, baseline: 2 },
      ]),
    ).toEqual({ ours: 1, baseline: 2 });
    expect(() => medianRound([])).toThrow();
  });
});
