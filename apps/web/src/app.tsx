import { MantineProvider, createTheme } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter, Route, Routes } from 'react-router';
import { LocaleProvider } from './i18n/i18n-context';
import type { Locale } from './i18n/languages';
import { Layout } from './layout/layout';
import { HomePage } from './pages/home-page';
import { NotFoundPage } from './pages/not-found-page';
import { SignInPage } from './pages/sign-in-page';

// Darker than Mantine's default blue, so white text on buttons passes WCAG AA contrast.
const theme = createTheme({ primaryColor: 'blue', primaryShade: 8 });
const queryClient = new QueryClient({ defaultOptions: { queries: { retry: 1, staleTime: 60_000 } } });

export function App({ locale }: { locale: Locale }) {
  return (
    <LocaleProvider locale={locale}>
      <MantineProvider theme={theme}>
        <QueryClientProvider client={queryClient}>
          <BrowserRouter>
            <Routes>
              <Route element={<Layout />}>
                <Route path="/" element={<HomePage />} />
                <Route path="/sign-in" element={<SignInPage />} />
                <Route path="*" element={<NotFoundPage />} />
              </Route>
            </Routes>
          </BrowserRouter>
        </QueryClientProvider>
      </MantineProvider>
    </LocaleProvider>
  );
}
