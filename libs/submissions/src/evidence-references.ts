import { isPlainObject } from './document-limits';

export interface EvidenceReference {
  pointer: string;
  attachmentId: string;
}

const escape = (segment: string): string => segment.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * Attachment ids an answers document cites: the entries of every `evidence` list (the shared
 * evidence definition of schemas/defs). Iterative; the document was shape-checked already.
 */
export function evidenceReferences(document: unknown): EvidenceReference[] {
  const found: EvidenceReference[] = [];
  const stack: Array<[unknown, string]> = [[document, '']];
  while (stack.length > 0) {
    const [node, pointer] = stack.pop() as [unknown, string];
    if (Array.isArray(node)) {
      node.forEach((child, i) => stack.push([child, `${pointer}/${i}`]));
    } else if (isPlainObject(node)) {
      for (const [key, value] of Object.entries(node)) {
        const at = `${pointer}/${escape(key)}`;
        if (key === 'evidence' && Array.isArray(value)) {
          value.forEach((id, i) => {
            if (typeof id === 'string') found.push({ pointer: `${at}/${i}`, attachmentId: id });
          });
        } else {
          stack.push([value, at]);
        }
      }
    }
  }
  return found.sort((a, b) => (a.pointer < b.pointer ? -1 : a.pointer > b.pointer ? 1 : 0));
}
