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
