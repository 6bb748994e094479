import type { DataSource } from 'typeorm';

/**
 * A named (prepared) statement for `DataSource.query` / `EntityManager.query`: PostgreSQL parses
 * and plans it once per pooled connection and then reuses the plan, instead of planning the
 * text on every call — worth it for a hot path's larger statements. TypeORM hands the query on
 * to pg untouched, and pg takes a `{ name, text }` config with the values beside it; `toString`
 * keeps the text readable wherever the query is turned into a string (errors, logs). One name
 * must always mean one text (pg refuses the same name with another text on a connection). Make
 * one per call: pg writes the call's values onto the object it is given.
 */
export function namedStatement(name: string, text: string): string {
  return { name, text, toString: () => text } as unknown as string;
}

/** The pg pool TypeORM's PostgreSQL driver queries through (`driver.master`). */
interface PgPool {
  query(config: { name: string; text: string }, values: unknown[]): Promise<{ rows: unknown[] }>;
}

/**
 * Runs one named statement straight on the DataSource's pg pool and answers its rows — for the
 * few statements of every request on a hot path (the caller check, the one-statement draft
 * save). It skips what `DataSource.query` wraps around the same pool on each call (a query
 * runner, its logger and subscriber broadcast, the result wrapping), which a draft save's CPU
 * profile showed as a sizeable share of the api's time. Errors are pg's own (SQLSTATE in
 * `code`), which `isBackingServiceUnavailable` (libs/errors) recognises as it does TypeORM's.
 */
export async function queryNamed<T>(
  dataSource: DataSource,
  name: string,
  text: string,
  values: unknown[],
): Promise<T[]> {
  const pool = (dataSource.driver as unknown as { master?: PgPool }).master;
  if (!pool) return (await dataSource.query(namedStatement(name, text), values)) as T[];
  return (await pool.query({ name, text }, values)).rows as T[];
}
