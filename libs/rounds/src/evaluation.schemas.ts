import { Type, type Static } from '@sinclair/typebox';
import { Closed, DateTime, Nullable, StringEnum } from '@mesecvi/http';
import { QuestionnaireDocumentViewSchema } from '@mesecvi/questionnaires';
import { EVALUATION_STATUSES } from './evaluation-status';

/**
 * The shapes of a state's evaluation and its extension requests, written once as TypeBox schemas:
 * each is the service's TypeScript type, the api's validator and the OpenAPI schema.
 */

const IsoDate = (description?: string) =>
  Type.String({ format: 'date', example: '2027-04-30', ...(description ? { description } : {}) });

/** One state's evaluation in a round, with its effective response deadline. */
export const EvaluationViewSchema = Closed({
  id: Type.String({ format: 'uuid', example: '5c0e9d7e-9a4e-4a8e-b1d2-6f7a8b9c0d1e' }),
  roundId: Type.String({ format: 'uuid' }),
  roundName: Type.String({ example: 'Fourth Multilateral Evaluation Round' }),
  stateCode: Type.String({ example: 'ARG' }),
  status: StringEnum(EVALUATION_STATUSES, { example: 'invited' }),
  questionnaireVersionId: Type.String({ format: 'uuid' }),
  questionnaire: Closed(
    {
      key: Type.String({ example: 'evaluation-round' }),
      version: Type.Integer({ minimum: 1, example: 1 }),
    },
    {
      description:
        'Where the frozen questionnaire is read: GET /questionnaires/{key}/versions/{version}?lang=… (cached by the browser)',
    },
  ),
  distributedAt: DateTime(),
  responseDeadline: Nullable(
    Closed(
      {
        id: Type.String({ format: 'uuid' }),
        dueDate: IsoDate(),
        timeZone: Type.String({ example: 'America/New_York' }),
        version: Type.Integer({ minimum: 1 }),
        status: Type.String({ example: 'open' }),
      },
      { description: 'The effective response deadline: its current version, after any extension' },
    ),
  ),
});
export type EvaluationView = Static<typeof EvaluationViewSchema>;
export const EvaluationListSchema = Type.Array(EvaluationViewSchema);

/** The evaluation's questionnaire in the caller's language, with the evaluation it belongs to. */
export const EvaluationQuestionnaireSchema = Closed({
  ...QuestionnaireDocumentViewSchema.properties,
  evaluation: EvaluationViewSchema,
});

export const EXTENSION_STATUSES = ['requested', 'approved', 'refused'] as const;

/** The focal point asking for a later due date. */
export const ExtensionRequestInputSchema = Closed({
  requestedDate: IsoDate(),
  justification: Type.String({
    minLength: 10,
    maxLength: 4000,
    example: 'The national statistics office publishes the 2026 figures on 15 April.',
  }),
});
export type ExtensionRequestInput = Static<typeof ExtensionRequestInputSchema>;

/** The secretariat's decision on an extension request. */
export const ExtensionDecisionSchema = Closed({
  approve: Type.Boolean(),
  grantedDate: Type.Optional(IsoDate('For an approval: the date granted, when it differs from the one requested')),
  reason: Type.Optional(Type.String({ minLength: 1, maxLength: 4000 })),
  confirmPastDue: Type.Optional(
    Type.Boolean({ description: 'true to grant a date before today on purpose (entering history); audited' }),
  ),
});
export type ExtensionDecision = Static<typeof ExtensionDecisionSchema>;

/** An extension request and its decision. */
export const ExtensionViewSchema = Closed({
  id: Type.String({ format: 'uuid' }),
  evaluationId: Type.String({ format: 'uuid' }),
  requestedDate: IsoDate(),
  justification: Type.String(),
  status: StringEnum(EXTENSION_STATUSES, { example: 'requested' }),
  grantedDate: Nullable(IsoDate()),
  decisionReason: Nullable(Type.String()),
  requestedAt: DateTime(),
  decidedAt: Nullable(DateTime()),
});
export type ExtensionView = Static<typeof ExtensionViewSchema>;
export const ExtensionListSchema = Type.Array(ExtensionViewSchema);
