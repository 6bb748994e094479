import '../questionnaire/questionnaire.css';
import { Alert, Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { appRoutes } from '@mesecvi/web-links';
import { QueryState } from '../components/query-state';
import { flushAll } from '../drafts/savers';
import { EVALUATION_STATUS_LABELS } from '../i18n/enum-labels';
import { useT } from '../i18n/i18n-context';
import { useSession } from '../session/use-session';
import { ProblemSummary } from '../questionnaire/problem-summary';
import { useSummaryEntries } from '../questionnaire/section-problem-summary';
import { toFieldProblem } from '../questionnaire/section-problems';
import {
  useDraft,
  useEvaluationQuestionnaire,
  type DraftState,
  type EvaluationQuestionnaire,
} from '../questionnaire/use-questionnaire';
import { AnswersBySection } from './answers-by-section';
import { useSubmissionT } from './use-submission-t';
import { SUBMITTABLE } from './submittable';
import { useSubmit, type SubmitFailure } from './use-submit';

/** The draft once what autosave holds in this tab is sent: the answers to check are the ones stored. */
function useSavedDraft(evaluationId: string) {
  const queryClient = useQueryClient();
  const draft = useDraft(evaluationId);
  useEffect(() => {
    void flushAll().then(() => queryClient.invalidateQueries({ queryKey: ['evaluation', evaluationId, 'draft'] }));
  }, [queryClient, evaluationId]);
  return draft;
}

/** `/app/evaluations/:id/check`: every answer to read before submitting, each section with its change link. */
export default function CheckPage() {
  const { id = '' } = useParams();
  const questionnaire = useEvaluationQuestionnaire(id);
  const draft = useSavedDraft(id);
  return (
    <QueryState query={questionnaire}>
      {(view) => (
        <QueryState query={draft}>{(loaded) => <Check evaluationId={id} view={view} draft={loaded} />}</QueryState>
      )}
    </QueryState>
  );
}

function Check({
  evaluationId,
  view,
  draft,
}: {
  evaluationId: string;
  view: EvaluationQuestionnaire;
  draft: DraftState;
}) {
  const ts = useSubmissionT();
  const navigate = useNavigate();
  const { submit, pending, failure } = useSubmit(evaluationId, (result) => {
    void navigate(appRoutes.evaluationSubmission.path(evaluationId, String(result.versionNumber)));
  });
  const problems = useMemo(() => (failure?.kind === 'problems' ? failure.problems.map(toFieldProblem) : []), [failure]);
  const entries = useSummaryEntries(evaluationId, view, problems);
  return (
    <Stack gap="md" className="q-section-page">
      <Anchor component={Link} to={appRoutes.evaluation.path(evaluationId)} className="q-no-print">
        {ts('backToEvaluation')}
      </Anchor>
      {entries.length > 0 && (
        <ProblemSummary title={ts('errorSummaryTitle')} intro={ts('errorSummaryIntro')} entries={entries} />
      )}
      <Title order={1}>{ts('checkTitle')}</Title>
      <Text data-api-text>{view.evaluation.roundName}</Text>
      <Text className="q-no-print">{ts('checkIntro')}</Text>
      <Group className="q-no-print">
        <Button variant="default" onClick={() => window.print()}>
          {ts('printAnswers')}
        </Button>
      </Group>
      <AnswersBySection
        view={view}
        answers={draft.answers}
        level={2}
        idPrefix="check"
        beside={(theme, name) => (
          <Anchor component={Link} to={appRoutes.evaluationSection.path(evaluationId, theme)} className="q-no-print">
            {ts('changeSection', { section: name })}
          </Anchor>
        )}
      />
      <SubmitPanel
        evaluationStatus={view.evaluation.status}
        onSubmit={() => void submit()}
        pending={pending}
        failure={failure}
      />
    </Stack>
  );
}

/** Who may submit, and what the last press came to (besides the summary of problems above). */
function SubmitPanel({
  evaluationStatus,
  onSubmit,
  pending,
  failure,
}: {
  evaluationStatus: string;
  onSubmit: () => void;
  pending: boolean;
  failure: SubmitFailure | undefined;
}) {
  const ts = useSubmissionT();
  const t = useT();
  const role = useSession().account?.role;
  const statusName = (status: string | undefined) =>
    status && status in EVALUATION_STATUS_LABELS
      ? t(EVALUATION_STATUS_LABELS[status as keyof typeof EVALUATION_STATUS_LABELS])
      : '';
  return (
    <section aria-labelledby="submit-title" className="q-no-print">
      <Title order={2} id="submit-title" mb="xs">
        {ts('submitTitle')}
      </Title>
      {role !== 'state_focal_point' ? (
        <Alert color="blue">{ts('contributorCannotSubmit')}</Alert>
      ) : !SUBMITTABLE.has(evaluationStatus) ? (
        <Alert color="blue">{ts('notOpenForSubmission', { status: statusName(evaluationStatus) })}</Alert>
      ) : (
        <Stack gap="sm" align="flex-start">
          <Text>{ts('submitIntro')}</Text>
          <div aria-live="polite">
            {failure?.kind === 'connectionLost' && <Alert color="red">{ts('connectionLost')}</Alert>}
            {failure?.kind === 'failed' && <Alert color="red">{ts('submitFailed')}</Alert>}
            {failure?.kind === 'status' && (
              <Alert color="red">{ts('notOpenForSubmission', { status: statusName(failure.status) })}</Alert>
            )}
          </div>
          {/* Not `disabled` while on its way: the focus stays on the button, and a second press does nothing. */}
          <Button onClick={onSubmit} aria-disabled={pending || undefined}>
            {pending ? ts('submitting') : ts('submit')}
          </Button>
        </Stack>
      )}
    </section>
  );
}
