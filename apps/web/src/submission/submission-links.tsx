import { Anchor } from '@mantine/core';
import { Link } from 'react-router';
import { appRoutes } from '@mesecvi/web-links';
import { SUBMITTABLE } from './submittable';
import { useSubmissionT } from './use-submission-t';
import { SubmittedVersions } from './submitted-versions';

/** Under the task list: "check your answers and submit" while the draft may be submitted, and every submitted version. */
export function SubmissionLinks({ evaluationId, status }: { evaluationId: string; status: string }) {
  const ts = useSubmissionT();
  return (
    <>
      {SUBMITTABLE.has(status) && (
        <Anchor component={Link} to={appRoutes.evaluationCheck.path(evaluationId)} fw={600}>
          {ts('checkLink')}
        </Anchor>
      )}
      <SubmittedVersions evaluationId={evaluationId} />
    </>
  );
}
