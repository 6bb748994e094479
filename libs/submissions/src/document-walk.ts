/**
 * One walk over every entry of a parsed answers document, shared by the shape check and the
 * search for cited evidence. It runs on every draft save (a ~28 KB document of hundreds of
 * nodes, several times per save), so it allocates nothing per node: the places of the objects
 * and arrays met are kept in parallel arrays, and a JSON pointer is spelled out only when asked
 * for (an error, a reference found). A profile of the save showed the earlier per-node tuples
 * and place objects as about a fifth of everything the api allocated. Iterative: no recursion a
 * hostile document could overflow.
 */
import { escapePointerSegment as escape } from '@mesecvi/questionnaires';

/** The places (objects and arrays) met so far in one walk: a parent index and a segment each. */
export class DocumentPlaces {
  private readonly parents: number[] = [];
  private readonly segments: Array<string | number> = [];

  /** A new place under `parent` (-1: the document itself). */
  add(parent: number, segment: string | number): number {
    this.parents.push(parent);
    this.segments.push(segment);
    return this.parents.length - 1;
  }

  /** The JSON pointer of a place, or of the entry `segment` under it. */
  pointer(place: number, segment?: string | number): string {
    const parts: string[] = segment === undefined ? [] : [escape(String(segment))];
    for (let p = place; p > 0; p = this.parents[p]) parts.push(escape(String(this.segments[p])));
    return parts.length === 0 ? '' : `/${parts.reverse().join('/')}`;
  }
}

export interface DocumentVisitor {
  /** An object or array reached, before its entries; `depth` is 1 for the document. */
  container?(node: object, place: number, depth: number, places: DocumentPlaces): void;
  /** One entry of an object (a key) or array (an index); answer false not to go into `value`. */
  entry?(value: unknown, key: string | number, place: number, places: DocumentPlaces): boolean | void;
}

const hasOwn = Object.prototype.hasOwnProperty;

/** Visits every object and array of `document`, depth first, and each of their entries. */
export function walkDocument(document: object, visitor: DocumentVisitor): void {
  const places = new DocumentPlaces();
  // Three parallel stacks (node, place, depth) instead of a tuple per node.
  const nodes: object[] = [document];
  const at: number[] = [places.add(-1, '')];
  const depths: number[] = [1];
  const { container, entry } = visitor;
  while (nodes.length > 0) {
    const node = nodes.pop() as object;
    const place = at.pop() as number;
    const depth = depths.pop() as number;
    container?.(node, place, depth, places);
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        const value: unknown = node[i];
        if (entry?.(value, i, place, places) === false) continue;
        if (typeof value === 'object' && value !== null) {
          nodes.push(value);
          at.push(places.add(place, i));
          depths.push(depth + 1);
        }
      }
      continue;
    }
    // for…in with an own-property check: Object.keys would allocate an array per object.
    for (const key in node) {
      if (!hasOwn.call(node, key)) continue;
      const value: unknown = (node as Record<string, unknown>)[key];
      if (entry?.(value, key, place, places) === false) continue;
      if (typeof value === 'object' && value !== null) {
        nodes.push(value);
        at.push(places.add(place, key));
        depths.push(depth + 1);
      }
    }
  }
}
