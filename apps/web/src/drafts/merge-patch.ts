/** A JSON object as the draft holds it: answers keyed by item id, fields keyed by name. */
export type JsonObject = Record<string, unknown>;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Deep equality of JSON values; key order does not count, an `undefined` member is no member. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((value, i) => jsonEqual(value, b[i]));
  }
  if (!isJsonObject(a) || !isJsonObject(b)) return false;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) if (!jsonEqual(a[key], b[key])) return false;
  return true;
}

/**
 * The JSON Merge Patch (RFC 7396) that turns `base` into `target`: a member gone (or emptied to
 * `undefined`) is `null`, so a cleared answer is removed on the server; an array is sent whole
 * (a merge patch cannot address a row), so a deleted row is gone too; objects are compared member
 * by member, so a patch names only what changed. Undefined when nothing changed.
 */
export function mergePatchOf(base: JsonObject, target: JsonObject): JsonObject | undefined {
  const patch: JsonObject = {};
  for (const key of Object.keys(base)) if (base[key] !== undefined && target[key] === undefined) patch[key] = null;
  for (const [key, value] of Object.entries(target)) {
    if (value === undefined || jsonEqual(base[key], value)) continue;
    const before = base[key];
    patch[key] =
      isJsonObject(value) && isJsonObject(before) ? (mergePatchOf(before, value) ?? {}) : withoutUndefined(value);
  }
  return Object.keys(patch).length > 0 ? patch : undefined;
}

/** The value as JSON would carry it: `undefined` members dropped, `undefined` rows as `null`. */
function withoutUndefined(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((row) => (row === undefined ? null : withoutUndefined(row)));
  if (!isJsonObject(value)) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, member]) => member !== undefined)
      .map(([key, member]) => [key, withoutUndefined(member)]),
  );
}

/** RFC 7396's MergePatch(target, patch): what the server stores after a PATCH. */
export function applyMergePatch(target: unknown, patch: unknown): unknown {
  if (!isJsonObject(patch)) return patch;
  const result: JsonObject = isJsonObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = applyMergePatch(result[key], value);
  }
  return result;
}

/** Bytes of the request body a patch is sent as (UTF-8 JSON). */
export function patchBytes(patch: JsonObject): number {
  return new TextEncoder().encode(JSON.stringify(patch)).length;
}

/**
 * The answers a form's data holds, without what the form library fills in on its own: empty
 * strings, `null`s and `undefined`s, objects left empty, and tables whose every row is empty (a
 * table starts with one empty row to type in). A row among filled ones stays, emptied, so rows
 * keep their numbers. This is what is compared and sent; the form keeps its own data.
 */
export function answersOf(value: unknown): unknown {
  if (value === undefined || value === null || value === '') return undefined;
  if (Array.isArray(value)) {
    const rows = value.map(answersOf);
    if (rows.every((row) => row === undefined)) return undefined;
    return rows
      .map((row, i) => (row === undefined && isJsonObject(value[i]) ? {} : row))
      .filter((row) => row !== undefined);
  }
  if (!isJsonObject(value)) return value;
  const members = Object.entries(value)
    .map(([key, member]) => [key, answersOf(member)] as const)
    .filter(([, member]) => member !== undefined);
  return members.length > 0 ? Object.fromEntries(members) : undefined;
}

/** A document's answers (`answersOf`), as a document. */
export function documentAnswers(document: JsonObject): JsonObject {
  return (answersOf(document) as JsonObject | undefined) ?? {};
}
