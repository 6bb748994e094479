import type { EntityManager } from 'typeorm';

/** Fills a symbol pattern: `{n}` the year's sequence number, `{yy}` / `{yyyy}` the year. */
export function formatSymbol(pattern: string, n: number, year: number): string {
  return pattern
    .replace(/\{n\}/g, String(n))
    .replace(/\{yyyy\}/g, String(year))
    .replace(/\{yy\}/g, String(year % 100).padStart(2, '0'));
}

/**
 * The next document number of a year. One upsert: the counter row is locked until the adoption
 * commits, so concurrent adoptions queue and get distinct, gap-free numbers (a rolled-back
 * adoption gives its number back).
 */
export async function nextSymbolNumber(manager: EntityManager, year: number): Promise<number> {
  const rows: Array<{ last_value: number }> = await manager.query(
    `INSERT INTO document_symbol_counter (year, last_value) VALUES ($1, 1)
     ON CONFLICT (year) DO UPDATE SET last_value = document_symbol_counter.last_value + 1 RETURNING last_value`,
    [year],
  );
  return rows[0].last_value;
}
