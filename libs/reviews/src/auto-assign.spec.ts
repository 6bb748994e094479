import fc from 'fast-check';
import { proposeRapporteurs, type AutoAssignExpert } from './auto-assign';

const STATES = ['ARG', 'BHS', 'BOL', 'BRA', 'CHL', 'COL', 'CRI', 'HTI', 'JAM', 'MEX', 'PER', 'URY'];

/** A roster: each expert appointed by one state, plus a few declared conflicts. */
const roster = (maxExperts: number, maxStates: number) =>
  fc
    .record({
      stateCount: fc.integer({ min: 1, max: maxStates }),
      experts: fc.array(fc.record({ appointing: fc.nat(), conflicts: fc.array(fc.nat(), { maxLength: 3 }) }), {
        minLength: 1,
        maxLength: maxExperts,
      }),
      size: fc.integer({ min: 1, max: 3 }),
      seed: fc.string({ maxLength: 8 }),
    })
    .map(({ stateCount, experts, size, seed }) => {
      const states = STATES.slice(0, stateCount);
      const all = STATES.slice(0, Math.max(stateCount, 4));
      const list: AutoAssignExpert[] = experts.map((e, i) => ({
        id: `e${String(i).padStart(2, '0')}`,
        excludedStates: [...new Set([all[e.appointing % all.length], ...e.conflicts.map((c) => all[c % all.length])])],
      }));
      return { stateCodes: states, experts: list, size, seed };
    });

const spread = (loads: Record<string, number>): number => {
  const values = Object.values(loads);
  return Math.max(...values) - Math.min(...values);
};

/** The best spread any assignment giving each state min(size, eligible) experts can reach (exhaustive). */
function bestSpread(stateCodes: string[], experts: AutoAssignExpert[], size: number): number {
  const options = stateCodes.map((s) => {
    const eligible = experts.filter((e) => !e.excludedStates.includes(s)).map((e) => e.id);
    const k = Math.min(size, eligible.length);
    const out: string[][] = [];
    const pick = (start: number, acc: string[]): void => {
      if (acc.length === k) return void out.push(acc);
      for (let i = start; i < eligible.length; i++) pick(i + 1, [...acc, eligible[i]]);
    };
    pick(0, []);
    return out;
  });
  let best = Infinity;
  const walk = (i: number, loads: Map<string, number>): void => {
    if (i === options.length)
      return void (best = Math.min(best, Math.max(...loads.values()) - Math.min(...loads.values())));
    for (const choice of options[i]) {
      for (const id of choice) loads.set(id, (loads.get(id) ?? 0) + 1);
      walk(i + 1, loads);
      for (const id of choice) loads.set(id, (loads.get(id) ?? 0) - 1);
    }
  };
  walk(0, new Map(experts.map((e) => [e.id, 0])));
  return best;
}

describe('proposeRapporteurs', () => {
  it('never assigns an excluded expert, fills every state up to its eligible experts, and is deterministic for a seed (600 random rosters)', () => {
    fc.assert(
      fc.property(roster(14, 12), (input) => {
        const result = proposeRapporteurs(input);
        for (const state of input.stateCodes) {
          const eligible = input.experts.filter((e) => !e.excludedStates.includes(state));
          const got = result.assignments[state];
          expect(new Set(got).size).toBe(got.length);
          expect(got.length).toBe(Math.min(input.size, eligible.length));
          for (const id of got) expect(input.experts.find((e) => e.id === id)?.excludedStates).not.toContain(state);
        }
        const total = Object.values(result.assignments).reduce((n, ids) => n + ids.length, 0);
        expect(Object.values(result.loads).reduce((a, b) => a + b, 0)).toBe(total);
        expect(proposeRapporteurs(input)).toEqual(result);
      }),
      { numRuns: 600, seed: 20261123 },
    );
  });

  it('balances the workload as well as any assignment can (exhaustive check on 500 small rosters)', () => {
    fc.assert(
      fc.property(roster(5, 4), (input) => {
        const result = proposeRapporteurs(input);
        expect(spread(result.loads)).toBe(bestSpread([...input.stateCodes], [...input.experts], input.size));
      }),
      { numRuns: 500, seed: 42 },
    );
  });

  it('keeps max − min ≤ 1 on a realistic committee (32 states, one expert each, a few conflicts)', () => {
    const states = Array.from({ length: 32 }, (_, i) => `S${String(i).padStart(2, '0')}`);
    const experts = states.map((s, i) => ({
      id: `x${s}`,
      excludedStates: i % 5 === 0 ? [s, states[(i + 7) % 32]] : [s],
    }));
    for (const size of [2, 3]) {
      const result = proposeRapporteurs({ stateCodes: states, experts, size, seed: 'round-5' });
      expect(spread(result.loads)).toBeLessThanOrEqual(1);
      expect(result.shortfalls).toEqual([]);
    }
  });

  it('counts the open assignments an expert already carries', () => {
    const experts = [
      { id: 'a', excludedStates: ['ARG'], currentLoad: 2 },
      { id: 'b', excludedStates: ['BRA'] },
      { id: 'c', excludedStates: ['HTI'] },
    ];
    const result = proposeRapporteurs({ stateCodes: ['MEX'], experts, size: 2, seed: 's' });
    expect(result.assignments.MEX).toEqual(['b', 'c']);
    expect(result.loads).toEqual({ a: 2, b: 1, c: 1 });
  });
});
