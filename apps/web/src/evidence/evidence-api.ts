import type { paths } from '@mesecvi/api-client';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;

/** One evidence file of an evaluation, as the api lists it and answers an upload. */
export type Attachment = Json<paths['/evaluations/{id}/attachments']['post']['responses'][201]>;
/** What an upload may be: its largest size and the kinds of file accepted. */
export type EvidenceLimits = Json<paths['/attachments/limits']['get']['responses'][200]>;

/** The upload route, named as the generated client names it (uploads go through XHR for their progress). */
const UPLOAD_ROUTE = '/evaluations/{id}/attachments' satisfies keyof paths;

/** The address an evaluation's files are uploaded to. */
export function uploadUrl(origin: string, evaluationId: string): string {
  return origin + UPLOAD_ROUTE.replace('{id}', encodeURIComponent(evaluationId));
}
