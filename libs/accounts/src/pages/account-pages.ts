import { escapeHtml, type Language } from '@mesecvi/http';
import { languageFromHeader as problemLanguageFromHeader } from '@mesecvi/errors';
import { SIGN_IN_PATH } from '@mesecvi/web-links';
import type { PasswordProblem } from '../password-policy';
import { PAGE_COPY } from './page-copy';

export type PagePurpose = 'invitation' | 'password_reset';

/** Plain HTML, no script: national officials open these from an e-mail on any browser. */
export function layout(language: Language, title: string, body: string): string {
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
.field{margin-top:1.2rem}
.field-error{border-left:4px solid #b3261e;padding-left:.8rem}
label{display:block;font-weight:600}
input[type=password]{width:100%;box-sizing:border-box;padding:.6rem;font-size:1rem;margin-top:.3rem;border:1px solid #9aa8b5;border-radius:4px}
button{margin-top:1.5rem;padding:.7rem 1.2rem;font-size:1rem;background:#00467f;color:#fff;border:0;border-radius:4px;cursor:pointer}
.hint{font-size:.9rem;color:#5b6b7b;margin:.3rem 0}
.error{color:#8a1c12;font-weight:600;margin:.3rem 0}
.field-error input{border:2px solid #b3261e}
a{color:#00467f}
:focus-visible{outline:3px solid #ffbf47;outline-offset:2px}
</style>
</head>
<body><main><header>${escapeHtml(copy.platform)}</header><h1>${escapeHtml(title)}</h1>${body}</main></body>
</html>`;
}

/**
 * One password field: label, hint under it, the problem (when there is one) at the field, then
 * the input, which names the hint and the problem so a screen reader reads them with it.
 */
function passwordField(opts: { id: string; label: string; hint?: string; problem?: string }): string {
  const hintId = `${opts.id}-hint`;
  const errorId = `${opts.id}-error`;
  const described = [opts.problem ? errorId : '', opts.hint ? hintId : ''].filter(Boolean).join(' ');
  return `<div class="field${opts.problem ? ' field-error' : ''}">
<label for="${opts.id}">${escapeHtml(opts.label)}</label>
${opts.hint ? `<p class="hint" id="${hintId}">${escapeHtml(opts.hint)}</p>\n` : ''}${
    opts.problem ? `<p class="error" id="${errorId}" role="alert">${escapeHtml(opts.problem)}</p>\n` : ''
  }<input type="password" id="${opts.id}" name="${opts.id}" autocomplete="new-password" minlength="12" maxlength="200" required${
    described ? ` aria-describedby="${described}"` : ''
  }${opts.problem ? ' aria-invalid="true"' : ''}>
</div>`;
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
  // A mismatch is the repetition's problem; every other one is the password's.
  const problemField = opts.problem === 'mismatch' ? 'confirmation' : 'password';
  const problem = opts.problem ? c.problems[opts.problem] : undefined;
  const field = (id: 'password' | 'confirmation', label: string, hint?: string): string =>
    passwordField({ id, label, hint, problem: id === problemField ? problem : undefined });
  return layout(
    opts.language,
    title,
    `<p>${escapeHtml(intro)}</p>
<form method="post" autocomplete="off">
<input type="hidden" name="_csrf" value="${escapeHtml(opts.csrfToken)}">
${field('password', c.password, c.passwordHint)}
${field('confirmation', c.confirmation)}
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
export const languageFromHeader: (header: string | undefined) => Language = problemLanguageFromHeader;
