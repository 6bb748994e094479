import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { reportUncaughtErrors } from './errors/error-boundary';
import { isLanguage, pickLocale } from './i18n/languages';
import './styles';

const root = document.getElementById('root');
if (!root) throw new Error('the page has no #root element');
// A link from a mail names the recipient's language (`?lang=`): it goes before the browser's own.
const mailed = new URLSearchParams(window.location.search).get('lang');
const locale = pickLocale(mailed && isLanguage(mailed) ? [mailed, ...navigator.languages] : navigator.languages);
document.documentElement.lang = locale.language;
reportUncaughtErrors();
createRoot(root).render(
  <StrictMode>
    <App locale={locale} />
  </StrictMode>,
);
