import '../questionnaire/questionnaire.css';
import './submission.css';
import { Alert, Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { appRoutes } from '@mesecvi/web-links';
import { QueryState } from '../components/query-state';
import { asApiError } from '../errors/api-error';
import { formatLocalTime } from '../home/deadline';
import { useLocale } from '../i18n/i18n-context';
import { useEvaluationQuestionnaire, type EvaluationQuestionnaire } from '../questionnaire/use-questionnaire';
import { AnswersBySection } from './answers-by-section';
import { SubmittedVersions } from './submitted-versions';
import { VersionChanges } from './version-changes';
import { useSubmissionT } from './use-submission-t';
import { useSubmission, type SubmissionWithAnswers } from './use-submissions';

/** `/app/evaluations/:id/submissions/:version`: the receipt of one submitted version, its answers, and the versions. */
export default function ReceiptPage() {
  const { id = '', version = '' } = useParams();
  const number = Number(version);
  const ts = useSubmissionT();
  const submission = useSubmission(id, number);
  const questionnaire = useEvaluationQuestionnaire(id);
  const back = (
    <Anchor component={Link} to={appRoutes.evaluation.path(id)} className="q-no-print">
      {ts('backToEvaluation')}
    </Anchor>
  );
  if (!Number.isInteger(number) || number < 1 || (submission.isError && asApiError(submission.error).status === 404))
    return (
      <Stack gap="md">
        <Title order={1}>{ts('versionNotFound')}</Title>
        {back}
      </Stack>
    );
  return (
    <Stack gap="md" className="q-section-page">
      {back}
      <QueryState query={submission}>
        {(receipt) => (
          <>
            <Receipt receipt={receipt} />
            <SubmittedVersions evaluationId={id} current={receipt.versionNumber} />
            {receipt.versionNumber > 1 && (
              <QueryState query={questionnaire}>
                {(view) => <VersionChanges evaluationId={id} to={receipt.versionNumber} view={view} />}
              </QueryState>
            )}
            <QueryState query={questionnaire}>
              {(view) => <SubmittedAnswers receipt={receipt} view={view} />}
            </QueryState>
          </>
        )}
      </QueryState>
      {back}
    </Stack>
  );
}

/** What was received and when, and the fingerprint the integrity check recomputes. */
function Receipt({ receipt }: { receipt: SubmissionWithAnswers }) {
  const ts = useSubmissionT();
  const { language } = useLocale();
  const timeliness = receipt.onTime
    ? ts('onTime')
    : receipt.daysLate === 1
      ? ts('lateOneDay')
      : ts('lateDays', { days: String(receipt.daysLate) });
  return (
    <section aria-labelledby="receipt-title">
      <Title order={1} id="receipt-title">
        {ts('receiptTitle', { version: String(receipt.versionNumber) })}
      </Title>
      <Text my="sm">{ts('receiptIntro')}</Text>
      <dl className="receipt">
        <div>
          <dt>{ts('version')}</dt>
          <dd data-receipt="version">{receipt.versionNumber}</dd>
        </div>
        <div>
          <dt>{ts('submittedAt')}</dt>
          <dd data-receipt="submitted-at">{formatLocalTime(new Date(receipt.submittedAt), language)}</dd>
        </div>
        <div>
          <dt>{ts('timeliness')}</dt>
          <dd data-receipt="timeliness">{timeliness}</dd>
        </div>
        <div>
          <dt>{ts('sha256')}</dt>
          <dd>
            <code className="receipt-sha" data-receipt="sha256">
              {receipt.sha256}
            </code>
            <Text size="sm" c="gray.7" mt={4}>
              {ts('sha256Help')}
            </Text>
          </dd>
        </div>
      </dl>
      <Group mt="sm" className="q-no-print">
        <Button variant="default" onClick={() => window.print()}>
          {ts('printReceipt')}
        </Button>
      </Group>
    </section>
  );
}

/** The answers as submitted, read-only, section by section. */
function SubmittedAnswers({ receipt, view }: { receipt: SubmissionWithAnswers; view: EvaluationQuestionnaire }) {
  const ts = useSubmissionT();
  return (
    <section aria-labelledby="submitted-answers-title">
      <Title order={2} id="submitted-answers-title">
        {ts('answersTitle', { version: String(receipt.versionNumber) })}
      </Title>
      <Alert color="gray" my="sm" className="q-no-print">
        {ts('readOnly')}
      </Alert>
      <AnswersBySection view={view} answers={receipt.answers} level={3} idPrefix="submitted" />
    </section>
  );
}
