import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { MessageKey } from './en';
import { format, localeFor, type Language, type Locale } from './languages';

interface LocaleState {
  locale: Locale;
  /** Switches the page to `language` (the pseudo-locale stays pseudo, for its test). */
  setLanguage: (language: Language) => void;
}

const LocaleContext = createContext<LocaleState | undefined>(undefined);

/** The page's language: the browser's at first, then the signed-in account's. */
export function LocaleProvider({ locale: initial, children }: { locale: Locale; children: ReactNode }) {
  const [locale, setLocale] = useState(initial);
  useEffect(() => {
    document.documentElement.lang = locale.language;
  }, [locale.language]);
  const state = useMemo<LocaleState>(
    () => ({
      locale,
      setLanguage: (language) =>
        setLocale((current) => (current.language === language ? current : localeFor(language, current.pseudo))),
    }),
    [locale],
  );
  return <LocaleContext.Provider value={state}>{children}</LocaleContext.Provider>;
}

function useLocaleState(): LocaleState {
  const state = useContext(LocaleContext);
  if (!state) throw new Error('used outside a LocaleProvider');
  return state;
}

/** The page's locale (its language, and whether pseudo-wrapped): for message sets loaded with a page. */
export function useLocale(): Locale {
  return useLocaleState().locale;
}

/** Switches the page's language. */
export function useSetLanguage(): LocaleState['setLanguage'] {
  return useLocaleState().setLanguage;
}

export interface Translator {
  (key: MessageKey, params?: Record<string, string>): string;
  language: Locale['language'];
}

/** The page's translator: `t('home.noReports')`, and `t.language` for dates and `lang`. */
export function useT(): Translator {
  const { locale } = useLocaleState();
  return useMemo(() => {
    const t = (key: MessageKey, params?: Record<string, string>) => format(locale.catalogue, key, params);
    return Object.assign(t, { language: locale.language });
  }, [locale]);
}
