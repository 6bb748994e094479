import { createContext, useContext, type ReactNode } from 'react';
import type { MessageKey } from './en';
import { format, type Locale } from './languages';

const LocaleContext = createContext<Locale | undefined>(undefined);

export function LocaleProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  return <LocaleContext.Provider value={locale}>{children}</LocaleContext.Provider>;
}

export interface Translator {
  (key: MessageKey, params?: Record<string, string>): string;
  language: Locale['language'];
}

/** The page's translator: `t('home.noReports')`, and `t.language` for dates and `lang`. */
export function useT(): Translator {
  const locale = useContext(LocaleContext);
  if (!locale) throw new Error('useT() outside a LocaleProvider');
  const t = (key: MessageKey, params?: Record<string, string>) => format(locale.catalogue, key, params);
  return Object.assign(t, { language: locale.language });
}
