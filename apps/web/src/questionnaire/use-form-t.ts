import { useMemo } from 'react';
import { useLocale } from '../i18n/i18n-context';
import { formTranslator, type FormTranslator } from './form-messages';

/** The questionnaire pages' translator, following the page's locale. */
export function useFormT(): FormTranslator {
  const { language, pseudo } = useLocale();
  return useMemo(() => formTranslator(language, pseudo), [language, pseudo]);
}
