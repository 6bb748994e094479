import { isPlainObject } from './document-limits';

export interface EvidenceReference {
  pointer: string;
  attachmentId: string;
}

const escape = (segment: string): string => segment.replace(/~/g, '~0').replace(/\//g, '~1');

/** A node's place as a chain to its parent: pointers are spelled out only for references found. */
interface Place {
  parent: Place | null;
  segment: string;
}

function pointerOf(place: Place): string {
  const segments: string[] = [];
  for (let p: Place | null = place; p !== null; p = p.parent) segments.push(escape(p.segment));
  return `/${segments.reverse().join('/')}`;
}

/**
 * Attachment ids an answers document cites: the entries of every `evidence` list (the shared
 * evidence definition of schemas/defs). Iterative; the document was shape-checked already.
 */
export function evidenceReferences(document: unknown): EvidenceReference[] {
  const found: EvidenceReference[] = [];
  const stack: Array<[unknown, Place | null]> = [[document, null]];
  while (stack.length > 0) {
    const [node, place] = stack.pop() as [unknown, Place | null];
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) if (typeof node[i] === 'object' && node[i] !== null) stack.push([node[i], { parent: place, segment: String(i) }]);
    } else if (isPlainObject(node)) {
      for (const key of Object.keys(node)) {
        const value = node[key];
        if (key === 'evidence' && Array.isArray(value)) {
          const at: Place = { parent: place, segment: key };
          value.forEach((id, i) => {
            if (typeof id === 'string') found.push({ pointer: pointerOf({ parent: at, segment: String(i) }), attachmentId: id });
          });
        } else if (typeof value === 'object' && value !== null) {
          stack.push([value, { parent: place, segment: key }]);
        }
      }
    }
  }
  return found.sort((a, b) => (a.pointer < b.pointer ? -1 : a.pointer > b.pointer ? 1 : 0));
}
