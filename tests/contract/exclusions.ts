import { isAppPath } from '@mesecvi/web-links';

/**
 * The one list of responses the contract check leaves out, each with the reason. The first entry
 * that matches a response takes it; the aggregate prints how many each one took.
 * Responses that never pass through the harness's http() are out of reach anyway: the fault
 * suites' child processes, the browser journeys, raw sockets and `fetch` calls.
 */
export interface ResponseSeen {
  method: string;
  path: string;
  status: number;
  contentType: string;
  /** The document's operation for it, if it has one. */
  operation?: string;
}

export interface Exclusion {
  name: string;
  reason: string;
  matches(response: ResponseSeen): boolean;
}

const typeIs =
  (...types: string[]) =>
  (r: ResponseSeen): boolean =>
    types.some((t) => r.contentType.toLowerCase().startsWith(t));
const pathUnder =
  (prefix: string) =>
  (r: ResponseSeen): boolean =>
    r.path === prefix || r.path.startsWith(`${prefix}/`);

export const EXCLUSIONS: readonly Exclusion[] = [
  {
    name: 'openapi-ui',
    reason: '/docs serves the document itself and the Swagger UI; it is not an operation of the document.',
    matches: pathUnder('/docs'),
  },
  {
    name: 'web-app',
    reason:
      "The web app's shell and hashed files (/, /sign-in, /app/…, /publications/…) are pages, not operations of the document.",
    matches: (r) => isAppPath(r.path),
  },
  {
    name: 'queue-dashboard',
    reason: "/queues is Bull Board's UI and its own JSON api, mounted as a plug-in and outside the document.",
    matches: pathUnder('/queues'),
  },
  {
    name: 'test-probes',
    reason: 'Routes some suites mount to provoke errors (tests/harness/probe.module.ts); the api does not serve them.',
    matches: pathUnder('/__probe'),
  },
  {
    name: 'head',
    reason: 'HEAD answers carry no body; the GET beside it is checked.',
    matches: (r) => r.method === 'HEAD',
  },
  {
    name: 'html-pages',
    reason: 'HTML: the account pages, the focal-point page and report renditions are documents for people.',
    matches: typeIs('text/html'),
  },
  {
    name: 'files',
    reason:
      'CSV, XLSX, iCalendar, PDF, Markdown and uploaded evidence are files; the document names their media type only.',
    matches: typeIs(
      'text/csv',
      'application/vnd.openxmlformats-officedocument',
      'text/calendar',
      'application/pdf',
      'text/markdown',
      'application/octet-stream',
      'image/',
    ),
  },
  {
    name: 'metrics',
    reason: "/metrics is Prometheus's text format for the scraper, not part of the api.",
    matches: (r) => r.path === '/metrics',
  },
  {
    name: 'no-operation',
    reason: 'No operation of the document has this method and path: the router answers 404 before any route runs.',
    matches: (r) => r.operation === undefined,
  },
];

/** Whether the check leaves an operation's responses out whatever they are (its path is excluded). */
export function operationExcluded(method: string, template: string): boolean {
  const sample = { method, path: template, status: 200, contentType: 'application/json', operation: template };
  return EXCLUSIONS.some((e) => e.matches(sample));
}

/** The exclusion taking a response, if any. */
export function exclusionOf(response: ResponseSeen): Exclusion | undefined {
  return EXCLUSIONS.find((e) => e.matches(response));
}
