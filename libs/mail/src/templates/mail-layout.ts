import { escapeHtml, type Language } from '@mesecvi/http';
import { COMMON_COPY } from './common-copy';
import type { MailCopy } from './mail-template';

/** A header line must stay one line, whatever a name contains. */
export function oneLine(value: string): string {
  return value
    .replace(/[\r\n\t\u2028\u2029]+/g, ' ')
    .replace(/\s{2,}/g, ' ')
    .trim();
}

/** Links in mails are ours and always web links; anything else (javascript:, data:) is refused. */
export function assertWebLink(url: string): string {
  if (!/^https?:\/\/[^\s]+$/i.test(url)) throw new Error('a mail link must be an http(s) URL');
  return url;
}

/**
 * A link into the signed-in app carries the mail's language (`?lang=`), so the sign-in page it may
 * lead to speaks the recipient's language even in a browser set to another; once signed in, the
 * account's language rules.
 */
export function inMailLanguage(url: string, language: Language): string {
  const parsed = new URL(url);
  if (parsed.pathname !== '/app' && !parsed.pathname.startsWith('/app/')) return url;
  parsed.searchParams.set('lang', language);
  return parsed.toString();
}

const P = 'margin:0 0 16px 0;';

/** Builds both parts from plain-text copy; every string is escaped here and only here. */
export function layOut(copy: MailCopy, language: Language): { subject: string; html: string; text: string } {
  const common = COMMON_COPY[language];
  const subject = oneLine(copy.subject);
  const after = copy.after ?? [];
  const action = copy.action
    ? { label: copy.action.label, url: inMailLanguage(assertWebLink(copy.action.url), language) }
    : undefined;

  const text = [
    copy.greeting,
    ...copy.paragraphs,
    ...(action ? [`${action.label}${common.colon}\n${action.url}`] : []),
    ...after,
    common.signature.join('\n'),
    `-- \n${common.footer}`,
  ].join('\n\n');

  // A paragraph's lines (a list, one item a line) stay lines in HTML too.
  const para = (s: string): string => `<p style="${P}">${escapeHtml(s).replace(/\n/g, '<br>\n')}</p>`;
  const button = action
    ? `<p style="margin:24px 0;"><a href="${escapeHtml(action.url)}" style="background:#00386b;color:#ffffff;padding:12px 20px;text-decoration:none;border-radius:4px;display:inline-block;">${escapeHtml(action.label)}</a></p>` +
      `<p style="${P}font-size:13px;color:#555555;word-break:break-all;">${escapeHtml(action.url)}</p>`
    : '';
  const html = [
    '<!DOCTYPE html>',
    `<html lang="${language}">`,
    `<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(subject)}</title></head>`,
    '<body style="margin:0;padding:24px;background:#f4f4f4;font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;color:#222222;">',
    '<div style="max-width:600px;margin:0 auto;background:#ffffff;padding:24px;border-top:4px solid #00386b;">',
    `<p style="${P}font-weight:bold;color:#00386b;">${escapeHtml(common.platform)}</p>`,
    para(copy.greeting),
    ...copy.paragraphs.map(para),
    button,
    ...after.map(para),
    `<p style="${P}">${common.signature.map(escapeHtml).join('<br>')}</p>`,
    `<p style="margin:24px 0 0 0;font-size:12px;color:#777777;">${escapeHtml(common.footer)}</p>`,
    '</div>',
    '</body>',
    '</html>',
  ].join('\n');

  return { subject, html, text };
}
