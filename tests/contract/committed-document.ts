import path from 'node:path';

/** The OpenAPI document the web app's client is generated from, committed beside it. */
export const COMMITTED_DOCUMENT = path.join(__dirname, '..', '..', 'libs', 'api-client', 'openapi.json');

function sortedKeys(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(sortedKeys);
  if (typeof node !== 'object' || node === null) return node;
  return Object.fromEntries(
    Object.keys(node)
      .sort()
      .map((key) => [key, sortedKeys((node as Record<string, unknown>)[key])]),
  );
}

/**
 * The served document as it is committed: keys in one order whatever order the modules declare
 * things in, and no `servers` (they name where it runs, which the client is told separately).
 */
export function committedForm(document: unknown): string {
  const { servers: _servers, ...rest } = document as Record<string, unknown>;
  return `${JSON.stringify(sortedKeys(rest), null, 2)}\n`;
}
