import { useMemo } from 'react';
import { useLocale } from '../i18n/i18n-context';
import { messageTranslator, type MessageTranslator } from '../i18n/message-set';
import { submissionMessages, type SubmissionMessageKey } from './submission-messages';

/** The submission pages' translator, following the page's locale. */
export function useSubmissionT(): MessageTranslator<SubmissionMessageKey> {
  const { language, pseudo } = useLocale();
  return useMemo(
    () => messageTranslator<SubmissionMessageKey>(submissionMessages, language, pseudo),
    [language, pseudo],
  );
}
