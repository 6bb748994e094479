import { createContext, useContext } from 'react';

/**
 * The evaluation whose files an evidence field lists, uploads to and downloads from. Without it
 * (a form rendered outside a page, as its specs do) the field shows only how many files are cited.
 */
export const EvidenceScope = createContext<{ evaluationId: string } | undefined>(undefined);

export function useEvidenceScope(): { evaluationId: string } | undefined {
  return useContext(EvidenceScope);
}
