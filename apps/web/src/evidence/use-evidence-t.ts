import { useMemo } from 'react';
import { useLocale } from '../i18n/i18n-context';
import { evidenceTranslator, type EvidenceTranslator } from './evidence-messages';

/** The evidence strings in the page's language. */
export function useEvidenceT(): EvidenceTranslator {
  const { language, pseudo } = useLocale();
  return useMemo(() => evidenceTranslator(language, pseudo), [language, pseudo]);
}
