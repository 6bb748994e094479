import { escapeHtml, type Language } from '@mesecvi/http';
import type { PasswordProblem } from '../password-policy';
import { PAGE_COPY } from './page-copy';

export type PagePurpose = 'invitation' | 'password_reset';

/** Where the confirmation sends a person to sign in: the API's login operation, until the web app has a page. */
const SIGN_IN_PATH = '/docs#/auth/AuthController_login';

/** Plain HTML, no script: national officials open these from an e-mail on any browser. */
function layout(language: Language, title: string, body: string): string {
  const copy = PAGE_COPY[language];
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)} — ${escapeHtml(copy.platform)}</title>
<style>
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#f4f6f8;color:#1d2733;margin:0}
main{max-width:32rem;margin:3rem auto;background:#fff;padding:2rem;border-radius:8px;box-shadow:0 1px 4px rgba(0,0,0,.12)}
header{font-size:.9rem;color:#5b6b7b;margin-bottom:1rem}
label{display:block;margin-top:1rem;font-weight:600}
input[type=password]{width:100%;box-sizing:border-box;padding:.6rem;font-size:1rem;margin-top:.3rem;border:1px solid #9aa8b5;border-radius:4px}
button{margin-top:1.5rem;padding:.7rem 1.2rem;font-size:1rem;background:#00467f;color:#fff;border:0;border-radius:4px;cursor:pointer}
.hint{font-size:.9rem;color:#5b6b7b}
.error{background:#fdecea;color:#8a1c12;padding:.7rem;border-radius:4px;margin-top:1rem}
a{color:#00467f}
:focus-visible{outline:3px solid #ffbf47;outline-offset:2px}
</style>
</head>
<body><main><header>${escapeHtml(copy.platform)}</header><h1>${escapeHtml(title)}</h1>${body}</main></body>
</html>`;
}

export function passwordFormPage(opts: {
  purpose: PagePurpose;
  language: Language;
  name: string;
  csrfToken: string;
  problem?: PasswordProblem;
}): string {
  const c = PAGE_COPY[opts.language];
  const title = opts.purpose === 'invitation' ? c.invitationTitle : c.resetTitle;
  const intro = opts.purpose === 'invitation' ? c.invitationIntro(opts.name) : c.resetIntro(opts.name);
  const submit = opts.purpose === 'invitation' ? c.submitInvitation : c.submitReset;
  const error = opts.problem
    ? `<p class="error" id="password-error" role="alert">${escapeHtml(c.problems[opts.problem])}</p>`
    : '';
  // The hint, and the problem when there is one, are read out with the field (aria-describedby).
  const described = opts.problem ? 'password-error password-hint' : 'password-hint';
  const invalid = opts.problem ? ' aria-invalid="true"' : '';
  return layout(
    opts.language,
    title,
    `<p>${escapeHtml(intro)}</p>${error}
<form method="post" autocomplete="off">
<input type="hidden" name="_csrf" value="${escapeHtml(opts.csrfToken)}">
<label for="password">${escapeHtml(c.password)}</label>
<input type="password" id="password" name="password" autocomplete="new-password" minlength="12" maxlength="200" required aria-describedby="${described}"${invalid}>
<p class="hint" id="password-hint">${escapeHtml(c.passwordHint)}</p>
<label for="confirmation">${escapeHtml(c.confirmation)}</label>
<input type="password" id="confirmation" name="confirmation" autocomplete="new-password" minlength="12" maxlength="200" required>
<button type="submit">${escapeHtml(submit)}</button>
</form>`,
  );
}

export function invalidLinkPage(language: Language): string {
  const c = PAGE_COPY[language];
  return layout(language, c.invalidLinkTitle, `<p>${escapeHtml(c.invalidLink)}</p>`);
}

export function expiredFormPage(language: Language): string {
  const c = PAGE_COPY[language];
  return layout(language, c.expiredFormTitle, `<p>${escapeHtml(c.expiredForm)}</p>`);
}

export function donePage(purpose: PagePurpose, language: Language): string {
  const c = PAGE_COPY[language];
  return layout(
    language,
    c.doneTitle,
    `<p>${escapeHtml(purpose === 'invitation' ? c.doneInvitation : c.doneReset)}</p>
<p><a href="${SIGN_IN_PATH}">${escapeHtml(c.signIn)}</a></p>`,
  );
}

/** Picks a page language from the browser's Accept-Language when the link is unknown. */
export function languageFromHeader(header: string | undefined): Language {
  const wanted = (header ?? '')
    .toLowerCase()
    .split(',')
    .map((part) => part.trim().slice(0, 2));
  return wanted.find((l): l is Language => l === 'es' || l === 'fr' || l === 'pt' || l === 'en') ?? 'en';
}
