import { MantineProvider, createTheme } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense, useEffect } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { session } from './api';
import { ErrorBoundary } from './errors/error-boundary';
import { QUERY_RETRY } from './errors/query-retry';
import { LocaleProvider, useSetLanguage } from './i18n/i18n-context';
import type { Locale } from './i18n/languages';
import { Layout } from './layout/layout';
import { HomePage } from './pages/home-page';
import { NotFoundPage } from './pages/not-found-page';
import { useSession } from './session/use-session';
import { SignInPage } from './sign-in/sign-in-page';

const SignedInApp = lazy(() => import('./signed-in/signed-in-app'));

// Darker than Mantine's default blue, so white text on buttons passes WCAG AA contrast.
const theme = createTheme({ primaryColor: 'blue', primaryShade: 8 });
const queryClient = new QueryClient({ defaultOptions: { queries: { staleTime: 60_000, ...QUERY_RETRY } } });

// What one account read is never shown to the next person signing in on the same computer.
let accountId: string | undefined;
session.subscribe(() => {
  const id = session.account?.id;
  if (id === accountId) return;
  if (accountId !== undefined) queryClient.clear();
  accountId = id;
});

/** Once someone is signed in, the pages speak her account's language. */
function FollowAccountLanguage() {
  const language = useSession().account?.language;
  const setLanguage = useSetLanguage();
  useEffect(() => {
    if (language) setLanguage(language);
  }, [language, setLanguage]);
  return null;
}

export function App({ locale }: { locale: Locale }) {
  return (
    <LocaleProvider locale={locale}>
      <MantineProvider theme={theme}>
        <ErrorBoundary>
          <QueryClientProvider client={queryClient}>
            <FollowAccountLanguage />
            <BrowserRouter>
              <Routes>
                <Route element={<Layout />}>
                  <Route path="/" element={<HomePage />} />
                  <Route path="/sign-in" element={<SignInPage />} />
                  <Route path="*" element={<NotFoundPage />} />
                </Route>
                <Route
                  path="/app/*"
                  element={
                    <Suspense>
                      <SignedInApp />
                    </Suspense>
                  }
                />
              </Routes>
            </BrowserRouter>
          </QueryClientProvider>
        </ErrorBoundary>
      </MantineProvider>
    </LocaleProvider>
  );
}
