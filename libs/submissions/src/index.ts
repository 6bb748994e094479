export { SubmissionsModule } from './submissions.module';
export { Submission, ON_BEHALF_CHANNELS, type OnBehalfChannel } from './submission.entity';
export { AnswerItemEdit } from './answer-item-edit.entity';
export { EvidenceAttachment, EvidenceAttachmentContent } from './evidence-attachment.entity';
export { SubmissionIdempotency } from './submission-idempotency.entity';
export { ClarificationRequest } from './clarification-request.entity';
export { DraftsService } from './drafts.service';
export type { DraftView, DraftSaveResult, ItemEditView } from './draft.view';
export { SubmissionsService, type SubmitOptions } from './submissions.service';
export { toSubmissionView, type SubmissionView, type SubmitResult } from './submission.view';
export { ClarificationsService } from './clarifications.service';
export { CarryOverService } from './carry-over.service';
export { EvidenceAttachmentsService } from './evidence-attachments.service';
export { toAttachmentView, type EvidenceAttachmentView } from './evidence-attachment.view';
export { EDITABLE_STATUSES } from './evaluation-access.service';
export { checkDocumentShape, FORBIDDEN_KEYS, type DocumentLimits } from './document-limits';
export { applyMergePatch } from './merge-patch';
export { diffAnswers, type AnswerChange, type AnswerChangeKind } from './answers-diff';
export { evidenceReferences, type EvidenceReference } from './evidence-references';
export { detectEvidenceType, EVIDENCE_FILE_TYPES, type DetectedMediaType } from './evidence-media-type';
export { submissionTiming, type SubmissionTiming } from './submission-timing';
export { etagOf } from './etag';
export { VALIDATOR_VERSION } from './validator-version';
export {
  verifySubmissions,
  verifyAttachments,
  describeIntegrity,
  type IntegrityReport,
  type IntegrityProblem,
} from './integrity';
export {
  ClarificationAnsweredHooks,
  type ClarificationAnswered,
  type ClarificationAnsweredHook,
} from './clarification-answered.hooks';
export { SUBMISSION_RULES } from './submission-rules';
export {
  ItemEditViewSchema,
  DraftViewSchema,
  DraftSaveResultSchema,
  CarryOverResultSchema,
  SubmissionViewSchema,
  SubmissionListSchema,
  SubmissionWithAnswersSchema,
  SubmitResultSchema,
  SubmitInputSchema,
  AnswerChangeSchema,
  SubmissionDiffSchema,
  DiffQuerySchema,
  ClarificationInputSchema,
  ClarificationViewSchema,
  ClarificationListSchema,
  EvidenceAttachmentViewSchema,
  EvidenceAttachmentListSchema,
  EvidenceLimitsSchema,
  type EvidenceLimits,
  ANSWER_CHANGE_KINDS,
  type CarryOverResult,
  type SubmitInput,
  type SubmissionDiff,
  type SubmissionWithAnswers,
  type ClarificationInput,
  type ClarificationView,
  type DiffQuery,
} from './submission.schemas';
