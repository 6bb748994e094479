import type { paths } from '@mesecvi/api-client';
import { useQuery } from '@tanstack/react-query';
import { api } from '../api';
import { asApiError, call } from '../errors/api-error';
import { useSession } from '../session/use-session';
import type { Answers } from './answers';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
type Evaluation = Json<paths['/evaluations/{id}']['get']['responses'][200]>;
type QuestionnaireDocument = Json<paths['/questionnaires/{key}/versions/{version}']['get']['responses'][200]>;
export type EvaluationQuestionnaire = QuestionnaireDocument & { evaluation: Evaluation };
export type DraftView = Json<paths['/evaluations/{id}/draft']['get']['responses'][200]>;
export type RemainingProblem = DraftView['remainingProblems'][number];

/**
 * The evaluation's frozen questionnaire with its texts in the account's language. Asked for by
 * its key, version and language (`?lang=`), the api serves it immutable, so the browser's cache
 * answers every later open of a section, in this tab or another; only the small evaluation
 * (round, status, which version) is read each time.
 */
export function useEvaluationQuestionnaire(evaluationId: string) {
  const language = useSession().account?.language;
  return useQuery({
    queryKey: ['evaluation', evaluationId, 'questionnaire', language],
    enabled: language !== undefined,
    queryFn: async (): Promise<EvaluationQuestionnaire> => {
      const evaluation = await call(api.GET('/evaluations/{id}', { params: { path: { id: evaluationId } } }));
      const { key, version } = evaluation.questionnaire;
      const document = await call(
        api.GET('/questionnaires/{key}/versions/{version}', {
          params: { path: { key, version: String(version) }, query: { lang: language } },
        }),
      );
      return { ...document, evaluation };
    },
  });
}

/** What the draft holds: its answers and the problems still standing (none before the first save). */
export interface DraftState {
  answers: Answers;
  problems: RemainingProblem[];
  /** The draft's version (its ETag), which a save names in If-Match. */
  version: number;
  /** When it was last saved (by anyone); none before the first save. */
  updatedAt?: string;
}

/** The state's draft, when there is one and the account may read it; empty otherwise. */
export function useDraft(evaluationId: string) {
  return useQuery({
    queryKey: ['evaluation', evaluationId, 'draft'],
    queryFn: async (): Promise<DraftState> => {
      try {
        const draft = await call(api.GET('/evaluations/{id}/draft', { params: { path: { id: evaluationId } } }));
        return {
          answers: draft.document,
          problems: draft.remainingProblems,
          version: draft.version,
          updatedAt: draft.updatedAt,
        };
      } catch (error) {
        if (asApiError(error).status === 404) return { answers: {}, problems: [], version: 0 };
        throw error;
      }
    },
  });
}
