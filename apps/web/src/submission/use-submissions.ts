import type { paths } from '@mesecvi/api-client';
import { useQuery } from '@tanstack/react-query';
import { api } from '../api';
import { call } from '../errors/api-error';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
export type SubmissionWithAnswers = Json<paths['/evaluations/{id}/submissions/{version}']['get']['responses'][200]>;
export type SubmissionSummary = Json<paths['/evaluations/{id}/submissions']['get']['responses'][200]>[number];
export type AnswerChange = Json<paths['/evaluations/{id}/submission-diff']['get']['responses'][200]>['changes'][number];

/** Every submitted version of the evaluation, oldest first. */
export function useSubmissions(evaluationId: string) {
  return useQuery({
    queryKey: ['evaluation', evaluationId, 'submissions'],
    queryFn: () => call(api.GET('/evaluations/{id}/submissions', { params: { path: { id: evaluationId } } })),
  });
}

/** One submitted version with its answers (immutable: read once). */
export function useSubmission(evaluationId: string, version: number) {
  return useQuery({
    queryKey: ['submission', evaluationId, version],
    staleTime: Infinity,
    queryFn: () =>
      call(
        api.GET('/evaluations/{id}/submissions/{version}', {
          params: { path: { id: evaluationId, version: String(version) } },
        }),
      ),
  });
}

/** What changed from one submitted version to a later one (both immutable: read once). */
export function useSubmissionDiff(evaluationId: string, from: number, to: number) {
  return useQuery({
    queryKey: ['submission-diff', evaluationId, from, to],
    enabled: from >= 1 && to > from,
    staleTime: Infinity,
    queryFn: async () =>
      (
        await call(
          api.GET('/evaluations/{id}/submission-diff', {
            params: { path: { id: evaluationId }, query: { from, to } },
          }),
        )
      ).changes,
  });
}
