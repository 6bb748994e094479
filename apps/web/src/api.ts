import { createApiClient } from '@mesecvi/api-client';

/** The api is the page's own origin; signed-out pages send no token. */
export const api = createApiClient(window.location.origin, () => undefined);

/**
 * One published report as `GET /public/reports` lists it. The OpenAPI document does not describe
 * that response yet, so the client types it as unknown; this is the api's answer as served.
 */
export interface PublishedReportSummary {
  id: string;
  stateCode: string;
  roundName: string;
  symbol: string;
  adoptedOn: string;
  publishedAt: string;
}
