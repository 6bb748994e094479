/**
 * Proposing rapporteurs for a round (pure: no I/O, deterministic for a seed). Every state gets
 * `size` eligible experts (fewer only when fewer are eligible), never an excluded one, and the
 * workload is then balanced by moving assignments along alternating paths until no expert
 * carries two or more than another one who could take part of their load.
 */
export interface AutoAssignExpert {
  id: string;
  /** States this expert may never evaluate (appointing state ∪ declared conflicts). */
  excludedStates: readonly string[];
  /** Open assignments they already carry (counted in the balance). */
  currentLoad?: number;
}

export interface AutoAssignInput {
  stateCodes: readonly string[];
  experts: readonly AutoAssignExpert[];
  size: number;
  seed: string;
}

export interface AutoAssignResult {
  /** state → expert ids (sorted). */
  assignments: Record<string, string[]>;
  /** expert id → total load (current + proposed). */
  loads: Record<string, number>;
  /** States that got fewer than `size` rapporteurs, with how many were eligible. */
  shortfalls: Array<{ stateCode: string; eligible: number }>;
}

/** A small seeded PRNG (mulberry32 over an FNV-1a hash of the seed). */
export function seededRandom(seed: string): () => number {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 0x01000193);
  let a = h >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function proposeRapporteurs(input: AutoAssignInput): AutoAssignResult {
  const random = seededRandom(input.seed);
  // A seeded rank per expert breaks every tie, so a seed always yields the same proposal.
  const experts = [...input.experts].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const rank = new Map(experts.map((e) => [e.id, random()]));
  const load = new Map(experts.map((e) => [e.id, e.currentLoad ?? 0]));
  const excluded = new Map(experts.map((e) => [e.id, new Set(e.excludedStates)]));
  const eligible = (state: string): string[] => experts.filter((e) => !excluded.get(e.id)?.has(state)).map((e) => e.id);
  const byLoad = (a: string, b: string): number =>
    (load.get(a) ?? 0) - (load.get(b) ?? 0) || (rank.get(a) ?? 0) - (rank.get(b) ?? 0);

  const states = [...new Set(input.stateCodes)].sort();
  const assigned = new Map<string, Set<string>>(states.map((s) => [s, new Set<string>()]));
  const shortfalls: AutoAssignResult['shortfalls'] = [];
  // Most constrained first: states with few eligible experts choose before the others fill them up.
  const order = [...states].sort((a, b) => eligible(a).length - eligible(b).length || (a < b ? -1 : 1));
  for (const state of order) {
    const pool = eligible(state).sort(byLoad).slice(0, input.size);
    for (const id of pool) {
      assigned.get(state)?.add(id);
      load.set(id, (load.get(id) ?? 0) + 1);
    }
    if (pool.length < input.size) shortfalls.push({ stateCode: state, eligible: pool.length });
  }

  while (
    improve(
      experts.map((e) => e.id).sort((a, b) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0)),
      states,
      assigned,
      excluded,
      load,
    )
  ) {
    // each pass strictly lowers Σ load², so this ends
  }

  const assignments: Record<string, string[]> = {};
  for (const state of states) assignments[state] = [...(assigned.get(state) ?? [])].sort();
  return {
    assignments,
    loads: Object.fromEntries([...load.entries()].sort()),
    shortfalls: shortfalls.sort((a, b) => (a.stateCode < b.stateCode ? -1 : 1)),
  };
}

/**
 * One balancing step: a breadth-first search from each most-loaded expert over "hand state s to
 * expert v" moves (v eligible for s and not on it yet) to an expert with at least two less load.
 * Shortest paths never use one state twice (a shorter path would skip the repeat), so the moves
 * stay valid when applied together. Applies the path and returns true, or false when none exists.
 */
function improve(
  ids: string[],
  states: string[],
  assigned: Map<string, Set<string>>,
  excluded: Map<string, Set<string>>,
  load: Map<string, number>,
): boolean {
  const sources = [...ids].sort((a, b) => (load.get(b) ?? 0) - (load.get(a) ?? 0));
  for (const source of sources) {
    const top = load.get(source) ?? 0;
    const previous = new Map<string, { from: string; state: string }>();
    const queue = [source];
    const seen = new Set([source]);
    while (queue.length > 0) {
      const u = queue.shift() as string;
      for (const state of states) {
        if (!assigned.get(state)?.has(u)) continue;
        for (const v of ids) {
          if (seen.has(v) || excluded.get(v)?.has(state) || assigned.get(state)?.has(v)) continue;
          seen.add(v);
          previous.set(v, { from: u, state });
          if ((load.get(v) ?? 0) <= top - 2) {
            let at = v;
            while (at !== source) {
              const step = previous.get(at) as { from: string; state: string };
              assigned.get(step.state)?.delete(step.from);
              assigned.get(step.state)?.add(at);
              at = step.from;
            }
            load.set(source, top - 1);
            load.set(v, (load.get(v) ?? 0) + 1);
            return true;
          }
          queue.push(v);
        }
      }
    }
  }
  return false;
}
