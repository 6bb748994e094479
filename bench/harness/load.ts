/** HTTP load through autocannon's programmatic API, reduced to the figures our tables use. */

interface AutocannonOptions {
  url: string;
  connections: number;
  duration: number;
  pipelining?: number;
  timeout?: number;
}

/** The part of autocannon's result we read (the package ships no types). */
interface AutocannonResult {
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  '2xx': number;
  latency: { p50: number; p99: number };
}

type Autocannon = (options: AutocannonOptions) => Promise<AutocannonResult>;

// A typed require rather than an ambient module declaration, so @types/autocannon could arrive later without a clash.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- autocannon has no typings of its own; its type is declared above
const autocannon = require('autocannon') as Autocannon;

export interface LoadProfile {
  connections: number;
  durationSeconds: number;
}

export interface Throughput {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
}

/**
 * Drives `url` for the profile's duration and returns successful requests per second.
 * Any error, timeout or non-2xx answer fails the measurement: a fast error page is not a result.
 */
export async function measureThroughput(url: string, profile: LoadProfile): Promise<Throughput> {
  const result = await autocannon({
    url,
    connections: profile.connections,
    duration: profile.durationSeconds,
    pipelining: 1,
    timeout: 10,
  });
  if (result.errors > 0 || result.timeouts > 0 || result.non2xx > 0) {
    throw new Error(
      `${url}: ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx answers under load`,
    );
  }
  const ok = result['2xx'];
  if (ok === 0 || result.duration <= 0)
    throw new Error(`${url}: no successful request in ${profile.durationSeconds} s`);
  return {
    requestsPerSecond: ok / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: ok,
  };
}

export function median(values: number[]): number {
  if (values.length === 0) throw new Error('median of nothing');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
