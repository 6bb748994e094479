import { Type, type Static } from '@sinclair/typebox';
import { Closed, Nullable, StringEnum } from '@mesecvi/http';
import { ROUND_PHASES } from './round-phase';

export const ROUND_KINDS = ['evaluation', 'follow_up'] as const;

/** A round as every route answers it; `version` is its ETag. */
export const RoundViewSchema = Closed({
  id: Type.String({ format: 'uuid', example: '2b7f7c3e-1d7a-4a51-8f8e-4b1b8e6f0c21' }),
  kind: StringEnum(ROUND_KINDS, { example: 'evaluation' }),
  name: Type.String({ example: 'Fourth Multilateral Evaluation Round' }),
  number: Type.Integer({ minimum: 1, example: 4 }),
  evaluationRoundId: Nullable(
    Type.String({ format: 'uuid', description: 'For a follow-up round: the evaluation round it follows' }),
  ),
  phase: StringEnum(ROUND_PHASES, { example: 'planning' }),
  questionnaireVersionId: Nullable(Type.String({ format: 'uuid' })),
  calendar: Closed({
    responseDueDate: Nullable(Type.String({ format: 'date', example: '2027-03-31' })),
    responseDays: Type.Integer({ minimum: 1, example: 90 }),
    observationsDays: Type.Integer({ minimum: 1, example: 30 }),
    followUpDays: Type.Integer({ minimum: 1, example: 90 }),
  }),
  version: Type.Integer({ minimum: 1, example: 1 }),
});
export type RoundView = Static<typeof RoundViewSchema>;
export const RoundListSchema = Type.Array(RoundViewSchema);
