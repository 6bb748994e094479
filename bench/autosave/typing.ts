// A person filling a section from nothing: every text typed a character at a time, every other
// answer set at once, rows added as she goes; then a field cleared and a row deleted. Each step is
// the whole document as the form hands it to the autosave.
type Json = Record<string, unknown>;

/** Every leaf of a value with its path, depth first (rows in order). */
function leaves(value: unknown, path: Array<string | number> = []): Array<[Array<string | number>, unknown]> {
  if (Array.isArray(value)) return value.flatMap((row, i) => leaves(row, [...path, i]));
  if (typeof value === 'object' && value !== null)
    return Object.entries(value as Json).flatMap(([key, member]) => leaves(member, [...path, key]));
  return [[path, value]];
}

/** A copy of `document` with `value` at `path`, creating the objects and rows on the way. */
function setAt(document: Json, path: Array<string | number>, value: unknown): Json {
  const put = (node: unknown, rest: Array<string | number>): unknown => {
    const [key, ...tail] = rest;
    const next = typeof rest[1] === 'number' ? [] : {};
    if (typeof key === 'number') {
      const rows = Array.isArray(node) ? [...(node as unknown[])] : [];
      rows[key] = tail.length === 0 ? value : put(rows[key] ?? next, tail);
      return rows;
    }
    const object = typeof node === 'object' && node !== null && !Array.isArray(node) ? { ...(node as Json) } : {};
    object[key] = tail.length === 0 ? value : put(object[key] ?? next, tail);
    return object;
  };
  return put(document, path) as Json;
}

/** The documents the form hands over while she types `section` into `start`, in order. */
export function typingSteps(start: Json, section: Json, maxSteps = Infinity): Json[] {
  const steps: Json[] = [];
  let document = start;
  for (const [path, leaf] of leaves(section)) {
    const values = typeof leaf === 'string' ? [...leaf].map((_, i) => leaf.slice(0, i + 1)) : [leaf];
    for (const value of values) {
      if (steps.length >= maxSteps) return steps;
      document = setAt(document, path, value);
      steps.push(document);
    }
  }
  return steps;
}

/** The last document with one text field cleared and the last row of a table deleted (when it has two). */
export function clearAndDelete(document: Json, section: Json): Json[] {
  const typed = Object.fromEntries(
    Object.keys(section)
      .filter((id) => id in document)
      .map((id) => [id, document[id]]),
  );
  const [path] = leaves(typed).find(([, leaf]) => typeof leaf === 'string') ?? [];
  const cleared = path ? setAt(document, path, undefined) : document;
  const table = leaves(typed).find(([p]) => typeof p[2] === 'number' && p[2] > 0);
  if (!table) return [cleared];
  const [itemId, field] = table[0] as [string, string];
  const item = cleared[itemId] as Json;
  const rows = (item[field] as unknown[]).slice(0, -1);
  return [cleared, { ...cleared, [itemId]: { ...item, [field]: rows } }];
}
