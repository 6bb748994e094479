import { Type } from '@sinclair/typebox';
import { ROUND_PHASES, type RoundChanges, type RoundInput, type RoundPhase } from '@mesecvi/rounds';

export const roundSchema = Type.Unsafe<RoundBody>({
  type: 'object',
  additionalProperties: false,
  required: ['kind', 'name', 'number'],
  properties: {
    kind: { type: 'string', enum: ['evaluation', 'follow_up'], example: 'evaluation' },
    name: { type: 'string', minLength: 3, maxLength: 300, example: 'Fourth Multilateral Evaluation Round' },
    number: { type: 'integer', minimum: 1, maximum: 1000, example: 4 },
    evaluationRoundId: { type: ['string', 'null'], format: 'uuid' },
  },
});
export type RoundBody = RoundInput;

export const roundChangesSchema = Type.Unsafe<RoundChangesBody>({
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: {
    name: { type: 'string', minLength: 3, maxLength: 300 },
    questionnaireVersionId: { type: ['string', 'null'], format: 'uuid' },
    responseDueDate: { type: ['string', 'null'], format: 'date', example: '2027-03-31' },
    responseDays: { type: 'integer', minimum: 1, maximum: 730 },
    observationsDays: { type: 'integer', minimum: 1, maximum: 365 },
    followUpDays: { type: 'integer', minimum: 1, maximum: 1095 },
    confirmPastDue: {
      type: 'boolean',
      description: 'true to enter a response due date before today on purpose (a past round); audited',
    },
  },
});
export type RoundChangesBody = RoundChanges;

export const phaseSchema = Type.Unsafe<PhaseBody>({
  type: 'object',
  additionalProperties: false,
  required: ['to'],
  properties: { to: { type: 'string', enum: [...ROUND_PHASES], example: 'questionnaire_adopted' } },
});
export interface PhaseBody {
  to: RoundPhase;
}

export const roundExample = {
  id: '2b7f7c3e-1d7a-4a51-8f8e-4b1b8e6f0c21',
  kind: 'evaluation',
  name: 'Fourth Multilateral Evaluation Round',
  number: 4,
  evaluationRoundId: null,
  phase: 'planning',
  questionnaireVersionId: null,
  calendar: { responseDueDate: '2027-03-31', responseDays: 90, observationsDays: 30, followUpDays: 90 },
  version: 1,
};

export const distributionSchema = Type.Unsafe<DistributionBody>({
  type: 'object',
  additionalProperties: false,
  properties: {
    stateCodes: {
      type: 'array',
      minItems: 1,
      maxItems: 40,
      uniqueItems: true,
      items: { type: 'string', pattern: '^[A-Za-z]{3}$' },
      example: ['ARG', 'BRA', 'HTI'],
    },
  },
});
export interface DistributionBody {
  /** Omitted: every state party. */
  stateCodes?: string[];
}
