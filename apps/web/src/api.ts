import { createApiClient, type paths } from '@mesecvi/api-client';

/** The api is the page's own origin; signed-out pages send no token. */
export const api = createApiClient(window.location.origin, () => undefined);

/** One published report as `GET /public/reports` lists it. */
export type PublishedReportSummary =
  paths['/public/reports']['get']['responses'][200]['content']['application/json'][number];
