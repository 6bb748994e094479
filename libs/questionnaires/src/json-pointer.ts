/** One JSON Pointer segment (RFC 6901): `~` and `/` escaped, as in `/PLAN~11/rows`. */
export const escapePointerSegment = (segment: string): string => segment.replace(/~/g, '~0').replace(/\//g, '~1');

/** The reference token a JSON Pointer segment spells (RFC 6901 §4: `~1` first, then `~0`). */
export const unescapePointerSegment = (segment: string): string => segment.replace(/~1/g, '/').replace(/~0/g, '~');
