import type { paths } from '@mesecvi/api-client';
import { useQuery } from '@tanstack/react-query';
import { api } from '../api';
import { asApiError, call } from '../errors/api-error';
import type { Answers } from './answers';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
export type EvaluationQuestionnaire = Json<paths['/evaluations/{id}/questionnaire']['get']['responses'][200]>;
export type DraftView = Json<paths['/evaluations/{id}/draft']['get']['responses'][200]>;
export type RemainingProblem = DraftView['remainingProblems'][number];

/** The evaluation's frozen questionnaire with its texts in the account's language. */
export function useEvaluationQuestionnaire(evaluationId: string) {
  return useQuery({
    queryKey: ['evaluation', evaluationId, 'questionnaire'],
    queryFn: () => call(api.GET('/evaluations/{id}/questionnaire', { params: { path: { id: evaluationId } } })),
  });
}

/** What the draft holds: its answers and the problems still standing (none before the first save). */
export interface DraftState {
  answers: Answers;
  problems: RemainingProblem[];
}

/** The state's draft, when there is one and the account may read it; empty otherwise. */
export function useDraft(evaluationId: string) {
  return useQuery({
    queryKey: ['evaluation', evaluationId, 'draft'],
    queryFn: async (): Promise<DraftState> => {
      try {
        const draft = await call(api.GET('/evaluations/{id}/draft', { params: { path: { id: evaluationId } } }));
        return { answers: draft.document, problems: draft.remainingProblems };
      } catch (error) {
        if (asApiError(error).status === 404) return { answers: {}, problems: [] };
        throw error;
      }
    },
  });
}
