import type { EvaluationStatus } from '@mesecvi/rounds';
import type { OnBehalfChannel, Submission } from './submission.entity';

export interface SubmissionView {
  id: string;
  evaluationId: string;
  versionNumber: number;
  event: string;
  questionnaireVersionId: string;
  validatorVersion: string;
  /** sha256 (hex) of the canonical JSON of the answers: recompute it to check the copy you hold. */
  sha256: string;
  submittedAt: string;
  submittedBy: { userId: string; role: string };
  /** Set when the secretariat recorded answers that arrived by diplomatic note or e-mail. */
  onBehalf: { channel: OnBehalfChannel; reference: string } | null;
  dueDate: string | null;
  onTime: boolean;
  daysLate: number;
}

/** What submitting answers: the frozen version and where the evaluation went. */
export interface SubmitResult extends SubmissionView {
  evaluationStatus: EvaluationStatus;
}

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
