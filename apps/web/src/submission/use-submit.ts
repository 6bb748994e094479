import type { paths } from '@mesecvi/api-client';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { api } from '../api';
import { flushAll } from '../drafts/savers';
import { asApiError, call } from '../errors/api-error';
import { attemptKeyOf, mayHaveArrived } from './attempt-key';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
export type SubmitResult = Json<paths['/evaluations/{id}/submissions']['post']['responses'][201]>;
export type EvaluationStatus = SubmitResult['evaluationStatus'];

/** A field the strict check refused, as the api names it: where, which rule, and its sentence. */
export interface SubmitProblem {
  pointer: string;
  keyword?: string;
  message: string;
}

/** What pressing "submit" came to, short of a receipt. */
export type SubmitFailure =
  | { kind: 'problems'; problems: SubmitProblem[] }
  | { kind: 'status'; status: EvaluationStatus | undefined }
  | { kind: 'connectionLost' }
  | { kind: 'failed'; requestId?: string };

// Outside the evaluation's own keys: refreshing the evaluation does not forget them.
const problemsKey = (evaluationId: string) => ['submitProblems', evaluationId];

/**
 * The problems the last refused submit named, shared by "check your answers" and the sections
 * (where each is shown at its field) until a later submit answers otherwise.
 */
export function useSubmitProblems(evaluationId: string): SubmitProblem[] {
  return (
    useQuery({
      queryKey: problemsKey(evaluationId),
      queryFn: () => Promise.resolve<SubmitProblem[]>([]),
      staleTime: Infinity,
      gcTime: Infinity,
    }).data ?? []
  );
}

function failureOf(error: unknown): SubmitFailure {
  const { status, problem, requestId } = asApiError(error);
  if (status === 422 && problem?.errors) return { kind: 'problems', problems: problem.errors };
  if (status === 409 && problem?.rule === 'submission_status')
    return { kind: 'status', status: problem.evaluationStatus as EvaluationStatus | undefined };
  if (mayHaveArrived(error) && status === 0) return { kind: 'connectionLost' };
  return { kind: 'failed', requestId };
}

/**
 * Submits the draft once per attempt: every press of the same attempt (a double press, a press
 * after a dropped connection) sends the same `Idempotency-Key`, so the server makes one version;
 * a press while one is on its way does nothing.
 */
export function useSubmit(evaluationId: string, onSubmitted: (result: SubmitResult) => void) {
  const queryClient = useQueryClient();
  const inFlight = useRef(false);
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<SubmitFailure | undefined>();

  const submit = async (): Promise<void> => {
    if (inFlight.current) return;
    inFlight.current = true;
    setPending(true);
    const key = attemptKeyOf(evaluationId);
    try {
      // What autosave still holds goes first: the version submitted is what the person sees.
      await flushAll();
      const result = await call(
        api.POST('/evaluations/{id}/submissions', {
          params: { path: { id: evaluationId }, header: { 'Idempotency-Key': key.current() } },
          body: {},
        }),
      );
      key.settle();
      setFailure(undefined);
      queryClient.setQueryData(problemsKey(evaluationId), []);
      await queryClient.invalidateQueries({ queryKey: ['evaluation', evaluationId] });
      onSubmitted(result);
    } catch (error) {
      key.settle(error);
      const next = failureOf(error);
      if (next.kind === 'problems') queryClient.setQueryData(problemsKey(evaluationId), next.problems);
      setFailure(next);
    } finally {
      inFlight.current = false;
      setPending(false);
    }
  };
  return { submit, pending, failure };
}
