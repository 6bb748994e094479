/**
 * autocannon where no two requests in flight work on one target (an evaluation). Targets are
 * lent from a pool when a request is built and given back when its answer names them (the
 * answer's JSON carries `evaluationId`): autocannon's per-connection context is reset after
 * every request and does not survive the requests it builds ahead, so it cannot hold them.
 */
interface Request {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

interface AutocannonResult {
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  '2xx': number;
  latency: { p50: number; p99: number };
}

type Autocannon = (options: object) => Promise<AutocannonResult>;
// eslint-disable-next-line @typescript-eslint/no-require-imports -- autocannon has no typings of its own; its type is declared above
const autocannon = require('autocannon') as Autocannon;

export interface StatefulLoad {
  origin: string;
  connections: number;
  /** Run for this long… */
  durationSeconds?: number;
  /** …or until this many requests were answered. */
  amount?: number;
  /** How many targets there are (comfortably more than `connections`). */
  targets: number;
  /** The request for target n. */
  request(target: number): Request;
  /** The target an answer is about (from its body), or null; it goes back to the pool. */
  targetOf?(body: string): number | null;
}

export interface LoadFigures {
  requestsPerSecond: number;
  /** Answers counted (2xx). */
  answered: number;
  p50Ms: number;
  p99Ms: number;
}

/** Runs the load; any error, timeout or non-2xx answer fails it (a fast error is not a result). */
export async function runStatefulLoad(load: StatefulLoad): Promise<LoadFigures> {
  const idle = Array.from({ length: load.targets }, (_, i) => i);
  const statuses = new Map<number, number>();
  let firstFailure = '';
  const result = await autocannon({
    url: load.origin,
    connections: load.connections,
    ...(load.amount ? { amount: load.amount } : { duration: load.durationSeconds ?? 5 }),
    timeout: 20,
    requests: [
      {
        setupRequest: (req: object) => {
          return { ...req, ...load.request(idle.shift() ?? Math.floor(Math.random() * load.targets)) };
        },
        onResponse: (status: number, body: unknown) => {
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
          if (status >= 300 && statuses.get(status) === 1) firstFailure = `${status} ${String(body).slice(0, 300)}`;
          const target = load.targetOf?.(String(body));
          if (target !== undefined && target !== null) idle.push(target);
        },
      },
    ],
  });
  if (result.errors > 0 || result.timeouts > 0 || result.non2xx > 0)
    throw new Error(
      `${load.origin}: ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx answers (${[...statuses].map(([k, v]) => `${k}×${v}`).join(', ')}; first: ${firstFailure})`,
    );
  return {
    requestsPerSecond: result['2xx'] / result.duration,
    answered: result['2xx'],
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
  };
}
