/**
 * The app's pages that a mail or an api page may link to: each one's pattern (the router's syntax,
 * `:name` for a parameter) and how to fill it. The app's router reads the same patterns, so a
 * mailed link and the page it opens cannot drift apart.
 */
export interface AppRoute<Args extends string[]> {
  readonly pattern: string;
  /** The path (no origin) with the arguments, percent-encoded, in the pattern's parameters' order. */
  readonly path: (...args: Args) => string;
}

const PARAMETER = /:[A-Za-z]+/g;

/** A pattern with its parameters replaced, in order, by the values, percent-encoded. */
export function fillPattern(pattern: string, values: readonly string[]): string {
  let next = 0;
  return pattern.replace(PARAMETER, () => encodeURIComponent(values[next++] ?? ''));
}

function route<Args extends string[] = []>(pattern: string): AppRoute<Args> {
  return { pattern, path: (...args) => fillPattern(pattern, args) };
}

export const appRoutes = {
  /** The signed-in home of the person's role. */
  home: route('/app'),
  /** One state's evaluation: its round, status and response deadline. */
  evaluation: route<[evaluationId: string]>('/app/evaluations/:id'),
  /** One section (theme) of an evaluation's questionnaire, as a form. */
  evaluationSection: route<[evaluationId: string, theme: string]>('/app/evaluations/:id/sections/:theme'),
  /** Every answer of the draft to read before submitting ("check your answers"), and the submit button. */
  evaluationCheck: route<[evaluationId: string]>('/app/evaluations/:id/check'),
  /** One submitted version: its receipt (time, on time or late, sha256), its answers, and what changed since the one before. */
  evaluationSubmission: route<[evaluationId: string, version: string]>('/app/evaluations/:id/submissions/:version'),
  /** What an evaluation's rapporteurs review. */
  evaluationReview: route<[evaluationId: string]>('/app/evaluations/:id/review'),
  /** One deadline: what it is about, when it falls due, whether it is still open. */
  deadline: route<[deadlineId: string]>('/app/deadlines/:id'),
  /** An evaluation's country report, as far as its state may read it (from the preliminary version on). */
  evaluationReport: route<[evaluationId: string]>('/app/evaluations/:id/report'),
  /** The mails the platform could not deliver. */
  failedMail: route('/app/outbox/failed'),
} as const;

export type AppRouteName = keyof typeof appRoutes;

/**
 * The public pages the api renders itself, which mails link to: a person without a session (or
 * without an account) opens them as they are, never through the sign-in page.
 */
export const serverPages = {
  /** Accepting an invitation: choosing a password. */
  invitation: route<[token: string]>('/account/invitation/:token'),
  /** Choosing a new password after asking for a reset. */
  passwordReset: route<[token: string]>('/account/password-reset/:token'),
  /** How a state designates its national focal point (`?lang=` chooses the language). */
  focalPoint: route('/focal-point'),
} as const;

/** The parameter names of a pattern, in order (`/app/evaluations/:id` → `['id']`). */
export function patternParameters(pattern: string): string[] {
  return (pattern.match(PARAMETER) ?? []).map((name) => name.slice(1));
}

/** An absolute link to a page (`path` from `appRoutes` or `serverPages`) under the configured public base URL. */
export function webLink(publicBaseUrl: string, path: string, query?: Record<string, string>): string {
  const search = query ? `?${new URLSearchParams(query).toString()}` : '';
  return `${publicBaseUrl.replace(/\/+$/, '')}${path}${search}`;
}
