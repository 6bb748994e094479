const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Ids in paths are checked before they reach a query: PostgreSQL would reject a malformed uuid
 * with an error (a 500), while the caller only asked for something that does not exist (404).
 */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
