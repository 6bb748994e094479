import { Type, type Static, type StringOptions } from '@sinclair/typebox';
import { AnyObject, Closed, DateTime, FieldProblemSchema, Nullable, StringEnum } from '@mesecvi/http';
import { EVALUATION_STATUSES } from '@mesecvi/rounds';
import { ON_BEHALF_CHANNELS } from './submission.entity';

/**
 * The shapes the submissions lib takes and gives, written once as TypeBox schemas: each is the
 * service's TypeScript type, the api's validator and the OpenAPI schema of the routes that use it.
 */

const Uuid = (options: StringOptions = {}) => Type.String({ ...options, format: 'uuid' });
const EvaluationStatus = StringEnum(EVALUATION_STATUSES, { example: 'drafting' });
const evaluationId = '5c0e9d7e-9a4e-4a8e-b1d2-6f7a8b9c0d1e';

/** Who last changed an item of the draft, and whether it still holds an answer carried over from an earlier round. */
export const ItemEditViewSchema = Closed({
  editedBy: Nullable(Uuid()),
  editedAt: DateTime(),
  prefilledFrom: Nullable(Uuid({ description: 'The submission it was carried over from, until someone edits it' })),
});
export type ItemEditView = Static<typeof ItemEditViewSchema>;

/** The state's working draft. */
export const DraftViewSchema = Closed({
  evaluationId: Uuid({ example: evaluationId }),
  evaluationStatus: EvaluationStatus,
  version: Type.Integer({ minimum: 0, description: 'Sent as the ETag; writes send it back in If-Match', example: 4 }),
  document: AnyObject("The answers, keyed by question id, in the shape of the questionnaire's own schema"),
  updatedAt: DateTime(),
  updatedBy: Nullable(Uuid()),
  items: Type.Record(Type.String(), ItemEditViewSchema, { description: 'By question id' }),
  remainingProblems: Type.Array(FieldProblemSchema, {
    description: "What still stands between this draft and a valid submission, in the caller's language",
  }),
});
export type DraftView = Static<typeof DraftViewSchema>;

/** What a save answers: the new version and what is left to do (the document is the one just sent). */
export const DraftSaveResultSchema = Closed({
  evaluationId: Uuid({ example: evaluationId }),
  evaluationStatus: EvaluationStatus,
  version: Type.Integer({ minimum: 0, example: 4 }),
  updatedAt: DateTime(),
  changedItems: Type.Array(Type.String(), { example: ['LEG-01', 'LEG-02'] }),
  remainingProblems: Type.Array(FieldProblemSchema),
});
export type DraftSaveResult = Static<typeof DraftSaveResultSchema>;

/** What prefilling a draft from an earlier round answers. */
export const CarryOverResultSchema = Closed({
  evaluationId: Uuid({ example: evaluationId }),
  version: Type.Integer({ minimum: 0 }),
  fromSubmission: Closed({
    id: Uuid(),
    evaluationId: Uuid(),
    roundName: Type.String(),
    versionNumber: Type.Integer({ minimum: 1 }),
  }),
  carriedItems: Type.Array(Type.String(), {
    description: "Items copied into the draft (this questionnaire's ids), marked as prefilled until someone edits them",
  }),
  renamedItems: Type.Array(Closed({ from: Type.String(), to: Type.String() }), {
    description: "Carried items whose id changed: earlier id → this questionnaire's id",
  }),
  skippedItems: Type.Array(Type.String(), {
    description:
      'Items of the earlier answers left out: unknown to this questionnaire, already answered here, or no longer valid',
  }),
});
export type CarryOverResult = Static<typeof CarryOverResultSchema>;

const OnBehalfSchema = Closed({
  channel: StringEnum(ON_BEHALF_CHANNELS, { example: 'diplomatic_note' }),
  reference: Type.String({ minLength: 1, maxLength: 300, example: 'Note OEA/ARG 123/2027 of 28 March 2027' }),
});

const submissionFields = {
  id: Uuid(),
  evaluationId: Uuid({ example: evaluationId }),
  versionNumber: Type.Integer({ minimum: 1, example: 1 }),
  event: Type.String({ example: 'submit' }),
  questionnaireVersionId: Uuid(),
  validatorVersion: Type.String({ example: 'ajv-8.17.1+mesecvi-rules-1' }),
  sha256: Type.String({
    pattern: '^[0-9a-f]{64}$',
    description: 'sha256 (hex) of the canonical JSON of the answers: recompute it to check the copy you hold',
  }),
  submittedAt: DateTime(),
  submittedBy: Closed({ userId: Uuid(), role: Type.String({ example: 'state_focal_point' }) }),
  onBehalf: Nullable(
    Closed(OnBehalfSchema.properties, {
      description: 'Set when the secretariat recorded answers that arrived by diplomatic note or e-mail',
    }),
  ),
  dueDate: Nullable(Type.String({ format: 'date', example: '2027-03-31' })),
  onTime: Type.Boolean(),
  daysLate: Type.Integer({ minimum: 0 }),
};

/** A submitted, immutable version of the answers. */
export const SubmissionViewSchema = Closed(submissionFields);
export type SubmissionView = Static<typeof SubmissionViewSchema>;
export const SubmissionListSchema = Type.Array(SubmissionViewSchema);

/** One submitted version with its answers. */
export const SubmissionWithAnswersSchema = Closed({
  ...submissionFields,
  answers: AnyObject('The answers as submitted, keyed by question id'),
});
export type SubmissionWithAnswers = Static<typeof SubmissionWithAnswersSchema>;

/** What submitting answers: the frozen version and where the evaluation went. */
export const SubmitResultSchema = Closed({ ...submissionFields, evaluationStatus: EvaluationStatus });
export type SubmitResult = Static<typeof SubmitResultSchema>;

/** Submitting the draft; the secretariat says how the answers reached it. */
export const SubmitInputSchema = Closed({
  onBehalf: Type.Optional(
    Closed(OnBehalfSchema.properties, { description: 'The secretariat only: how the answers arrived from the state' }),
  ),
});
export type SubmitInput = Static<typeof SubmitInputSchema>;

export const ANSWER_CHANGE_KINDS = ['added', 'removed', 'changed'] as const;

/** One difference between two answer documents. */
export const AnswerChangeSchema = Closed({
  pointer: Type.String({ description: 'RFC 6901 pointer into the answers document', example: '/JUS-03/2025' }),
  change: StringEnum(ANSWER_CHANGE_KINDS),
  label: Nullable(
    Type.String({ description: "The question's label in the caller's language (null for an item it does not know)" }),
  ),
  before: Type.Optional(Type.Unknown({ description: 'The earlier value (not on an addition)' })),
  after: Type.Optional(Type.Unknown({ description: 'The later value (not on a removal)' })),
});
export type AnswerChange = Static<typeof AnswerChangeSchema>;
export type AnswerChangeKind = AnswerChange['change'];

/** What changed between two submitted versions. */
export const SubmissionDiffSchema = Closed({
  from: SubmissionViewSchema,
  to: SubmissionViewSchema,
  changes: Type.Array(AnswerChangeSchema),
});
export type SubmissionDiff = Static<typeof SubmissionDiffSchema>;

/** `?from=1&to=2` of the diff. */
export const DiffQuerySchema = Closed({
  from: Type.Integer({ minimum: 1, maximum: 100000 }),
  to: Type.Integer({ minimum: 1, maximum: 100000 }),
});
export type DiffQuery = Static<typeof DiffQuerySchema>;

/** Asking the state to clarify its answers. */
export const ClarificationInputSchema = Closed({
  message: Type.String({
    minLength: 1,
    maxLength: 4000,
    example: 'Please give the 2025 figures of JUS-03 by province.',
  }),
  dueDate: Type.Optional(
    Type.String({
      format: 'date',
      example: '2027-06-30',
      description: 'The resubmission is late after this day ends',
    }),
  ),
});
export type ClarificationInput = Static<typeof ClarificationInputSchema>;

/** A clarification request and the submission that answered it. */
export const ClarificationViewSchema = Closed({
  id: Uuid(),
  evaluationId: Uuid({ example: evaluationId }),
  message: Type.String(),
  dueDate: Nullable(Type.String({ format: 'date' })),
  basedOnSubmissionId: Uuid(),
  requestedBy: Uuid(),
  requestedAt: DateTime(),
  answeredBySubmissionId: Nullable(Uuid()),
  answeredAt: Nullable(DateTime()),
});
export type ClarificationView = Static<typeof ClarificationViewSchema>;
export const ClarificationListSchema = Type.Array(ClarificationViewSchema);

/** An evidence file uploaded for an evaluation. */
export const EvidenceAttachmentViewSchema = Closed({
  id: Uuid(),
  evaluationId: Uuid({ example: evaluationId }),
  stateCode: Type.String({ example: 'ARG' }),
  filename: Type.String({ example: 'ley-26485.pdf' }),
  mediaType: Type.String({ example: 'application/pdf' }),
  sizeBytes: Type.Integer({ minimum: 0 }),
  sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }),
  uploadedBy: Uuid(),
  uploadedAt: DateTime(),
});
export type EvidenceAttachmentView = Static<typeof EvidenceAttachmentViewSchema>;
export const EvidenceAttachmentListSchema = Type.Array(EvidenceAttachmentViewSchema);

/** What an upload may be, for a client to check a file before sending it. */
export const EvidenceLimitsSchema = Closed({
  maxBytes: Type.Integer({ minimum: 1, description: 'Larger files are refused with 413', example: 26214400 }),
  types: Type.Array(
    Closed({
      mediaType: Type.String({ example: 'application/pdf' }),
      extensions: Type.Array(Type.String({ example: 'pdf' }), { description: 'Usual file name endings, no dot' }),
    }),
    { description: 'The kinds accepted (anything else is refused with 415); the content decides, not the name' },
  ),
});
export type EvidenceLimits = Static<typeof EvidenceLimitsSchema>;
