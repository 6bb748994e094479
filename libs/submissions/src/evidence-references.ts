import { walkDocument } from './document-walk';

export interface EvidenceReference {
  pointer: string;
  attachmentId: string;
}

/**
 * Attachment ids an answers document cites: the entries of every `evidence` list (the shared
 * evidence definition of schemas/defs), sorted by pointer. The document was shape-checked already.
 */
export function evidenceReferences(document: unknown): EvidenceReference[] {
  const found: EvidenceReference[] = [];
  if (typeof document !== 'object' || document === null) return found;
  walkDocument(document, {
    entry(value, key, place, places) {
      if (key !== 'evidence' || !Array.isArray(value)) return true;
      const list = places.pointer(place, key);
      value.forEach((id, i) => {
        if (typeof id === 'string') found.push({ pointer: `${list}/${i}`, attachmentId: id });
      });
      return false;
    },
  });
  return found.sort((a, b) => (a.pointer < b.pointer ? -1 : a.pointer > b.pointer ? 1 : 0));
}
