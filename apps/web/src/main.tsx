import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { reportUncaughtErrors } from './errors/error-boundary';
import { pickLocale } from './i18n/languages';
import './styles';

const root = document.getElementById('root');
if (!root) throw new Error('the page has no #root element');
const locale = pickLocale(navigator.languages);
document.documentElement.lang = locale.language;
reportUncaughtErrors();
createRoot(root).render(
  <StrictMode>
    <App locale={locale} />
  </StrictMode>,
);
