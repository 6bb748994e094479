import { isJsonObject, jsonEqual, type JsonObject } from './merge-patch';

/** Items (top-level members) whose answers differ between two documents. */
export function changedItems(before: JsonObject, after: JsonObject): string[] {
  const ids = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...ids].filter((id) => !jsonEqual(before[id], after[id]));
}

/** One item changed both here and by someone else since this tab's base, to different answers. */
export interface Conflict {
  itemId: string;
  mine: unknown;
  theirs: unknown;
}

export interface Rebased {
  /** The server's document: the new base. */
  base: JsonObject;
  /** The server's document with this person's pending items laid over it. */
  local: JsonObject;
  /** Items both sides changed to different answers: the person chooses (until then, hers show). */
  conflicts: Conflict[];
}

/**
 * After a 412 (or when a stored queue meets a newer draft): the other party's changes are taken,
 * this person's pending items are laid over them. An item both changed to different answers is
 * a conflict, never overwritten silently; both changed to the same answer is no conflict.
 */
export function rebase(base: JsonObject, local: JsonObject, server: JsonObject): Rebased {
  const mine = changedItems(base, local);
  const theirs = new Set(changedItems(base, server));
  const next: JsonObject = { ...server };
  for (const id of mine) {
    if (local[id] === undefined) delete next[id];
    else next[id] = local[id];
  }
  const conflicts = mine
    .filter((id) => theirs.has(id) && !jsonEqual(local[id], server[id]))
    .map((itemId) => ({ itemId, mine: local[itemId], theirs: server[itemId] }));
  return { base: server, local: next, conflicts };
}

/** The local document once the person chose her answer or theirs for a conflicting item. */
export function resolveConflict(local: JsonObject, conflict: Conflict, keep: 'mine' | 'theirs'): JsonObject {
  const value = keep === 'mine' ? conflict.mine : conflict.theirs;
  const next = { ...local };
  if (value === undefined) delete next[conflict.itemId];
  else next[conflict.itemId] = value;
  return next;
}

/** RFC 6901 pointer to its reference tokens. */
export function pointerTokens(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The value a pointer names in a document, or undefined. */
export function valueAt(document: unknown, pointer: string): unknown {
  let node = document;
  for (const token of pointerTokens(pointer)) {
    if (Array.isArray(node)) node = node[Number(token)];
    else if (isJsonObject(node)) node = node[token];
    else return undefined;
  }
  return node;
}

/** A copy of `document` with the value at `pointer` replaced (removed when `value` is undefined). */
function withValueAt(document: JsonObject, pointer: string, value: unknown): JsonObject {
  const tokens = pointerTokens(pointer);
  if (tokens.length === 0) return document;
  const put = (node: unknown, rest: string[]): unknown => {
    const [token, ...tail] = rest;
    if (Array.isArray(node)) {
      const index = Number(token);
      if (!(index in node)) return node;
      const copy: unknown[] = [...(node as unknown[])];
      if (tail.length > 0) copy[index] = put(node[index], tail);
      else if (value === undefined) copy.splice(index, 1);
      else copy[index] = value;
      return copy;
    }
    if (!isJsonObject(node) || !(token in node)) return node;
    const copy = { ...node };
    if (tail.length > 0) copy[token] = put(node[token], tail);
    else if (value === undefined) delete copy[token];
    else copy[token] = value;
    return copy;
  };
  return put(document, tokens) as JsonObject;
}

/**
 * What is sent while some fields are held back (refused by the server): the local document with
 * each held field put back to the server's value (or left out), so the rest of the section saves.
 */
export function withheld(local: JsonObject, base: JsonObject, pointers: readonly string[]): JsonObject {
  return pointers.reduce((document, pointer) => withValueAt(document, pointer, valueAt(base, pointer)), local);
}
