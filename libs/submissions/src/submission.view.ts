import type { Submission } from './submission.entity';
import type { SubmissionView } from './submission.schemas';

export type { SubmissionView, SubmitResult } from './submission.schemas';

export const toSubmissionView = (s: Submission): SubmissionView => ({
  id: s.id,
  evaluationId: s.evaluationId,
  versionNumber: s.versionNumber,
  event: s.event,
  questionnaireVersionId: s.questionnaireVersionId,
  validatorVersion: s.validatorVersion,
  sha256: s.sha256,
  submittedAt: s.submittedAt.toISOString(),
  submittedBy: { userId: s.submittedBy, role: s.submittedByRole },
  onBehalf:
    s.onBehalfChannel && s.onBehalfReference !== null
      ? { channel: s.onBehalfChannel, reference: s.onBehalfReference }
      : null,
  dueDate: s.dueDate,
  onTime: s.onTime,
  daysLate: s.daysLate,
});
