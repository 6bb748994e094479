import { appRoutes, webLink } from '@mesecvi/web-links';

/** Where a state's people open their evaluation: its page in the app. */
export function evaluationLink(publicBaseUrl: string, evaluationId: string): string {
  return webLink(publicBaseUrl, appRoutes.evaluation.path(evaluationId));
}
