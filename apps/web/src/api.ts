import { createApiClient, type paths } from '@mesecvi/api-client';
import { call } from './errors/api-error';
import { ClientErrorReporter } from './errors/client-error-reporter';
import { apiSessionTransport } from './session/api-transport';
import { browserTabs } from './session/browser-tabs';
import { clockOffsetFromToken } from './session/server-clock';
import { Session } from './session/session';
import { sessionFetch } from './session/session-fetch';

const origin = window.location.origin;

/** This tab's session; its access token lives here, in memory, and nowhere else. */
export const session = new Session(apiSessionTransport(createApiClient(origin, () => undefined)), browserTabs());

/** The client every page calls the api with: the session's token, one refresh and retry on a 401. */
export const api = createApiClient(origin, () => undefined, sessionFetch(session));

/** Errors of the page, each sent once to the api's log. */
export const clientErrors = new ClientErrorReporter(
  (report) => call(api.POST('/client-errors', { body: report })),
  () => ({ url: window.location.href, userAgent: navigator.userAgent }),
);

let clockOffset = 0;
let offsetOf: string | undefined;
session.subscribe(() => {
  const token = session.accessToken;
  if (token && token !== offsetOf) {
    offsetOf = token;
    clockOffset = clockOffsetFromToken(token, Date.now());
  }
});

/** The api's time (the demo clock included), as last told by an access token. */
export function serverNow(): Date {
  return new Date(Date.now() + clockOffset);
}

/** One published report as `GET /public/reports` lists it. */
export type PublishedReportSummary =
  paths['/public/reports']['get']['responses'][200]['content']['application/json'][number];
