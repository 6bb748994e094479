import { useMemo } from 'react';
import { useLocale } from '../i18n/i18n-context';
import { pageTranslator, type PageTranslator } from '../i18n/page-messages';
import { submissionMessages, type SubmissionMessageKey } from './submission-messages';

/** The submission pages' translator, following the page's locale. */
export function useSubmissionT(): PageTranslator<SubmissionMessageKey> {
  const { language, pseudo } = useLocale();
  return useMemo(() => pageTranslator<SubmissionMessageKey>(submissionMessages, language, pseudo), [language, pseudo]);
}
