/** Microseconds per call of `run`, over `iterations` calls (awaited one after another). */
export async function microsecondsPerCall(iterations: number, run: () => unknown): Promise<number> {
  const started = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) await run();
  return Number(process.hrtime.bigint() - started) / 1000 / iterations;
}
