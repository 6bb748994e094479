import { Type, type TSchema } from '@sinclair/typebox';
import { Closed, DateTime, Nullable, StringEnum } from '@mesecvi/http';

/**
 * How the compliance view leaves the API, as TypeBox schemas for the OpenAPI document and the
 * contract check (the view itself is built by the read model in `compliance.view.ts`).
 */

const TIMELINESS = ['on_time', 'late', 'overdue', 'pending'] as const;
const OBSERVATIONS_STAGES = ['awaited', 'received', 'overdue', 'closed'] as const;

const RoundRef = Closed({
  id: Type.String({ format: 'uuid' }),
  name: Type.String({ example: 'Fourth Multilateral Evaluation Round' }),
  kind: Type.String({ example: 'evaluation' }),
  number: Type.Integer({ minimum: 1, example: 4 }),
  phase: Type.String({ example: 'questionnaire_distributed' }),
});

const Count = (description?: string): TSchema => Type.Integer({ minimum: 0, ...(description ? { description } : {}) });
const Rate = (description: string): TSchema => Type.Number({ minimum: 0, maximum: 1, description });

/** One state's timeliness in one round. */
export const ComplianceRowSchema = Closed({
  evaluationId: Type.String({ format: 'uuid' }),
  round: RoundRef,
  stateCode: Type.String({ example: 'ARG' }),
  stateName: Type.String({ example: 'Argentina' }),
  status: Type.String({ example: 'submitted' }),
  timeliness: StringEnum(TIMELINESS, {
    description:
      'on_time / late: submitted before / after its due day ended; overdue: not submitted and the due day has passed; pending: neither yet',
  }),
  deadline: Nullable(
    Closed(
      { dueDate: Type.String({ format: 'date' }), version: Type.Integer({ minimum: 1 }), status: Type.String() },
      { description: 'The effective response deadline: its current version, after any extension' },
    ),
  ),
  extensions: Count(),
  submittedAt: Nullable(DateTime({ description: 'The first submission (version 1)' })),
  daysLate: Nullable(Type.Integer({ minimum: 0 })),
  daysOverdue: Nullable(Type.Integer({ minimum: 0, description: 'Not submitted: whole days since the due day' })),
  remindersBeforeSubmission: Count('Reminders sent for the response deadline before the state submitted'),
  submissionVersions: Count(),
  clarifications: Closed({ requested: Count(), open: Count() }),
  observations: Nullable(
    StringEnum(OBSERVATIONS_STAGES, {
      description: "Where the state is with the preliminary report's observations",
    }),
  ),
});

/** A round's or a state's totals. */
export const ComplianceTotalsSchema = Closed({
  states: Count(),
  responded: Count(),
  responseRate: Rate('responded / states, 4 decimals'),
  onTime: Count(),
  onTimeRate: Rate('Submitted on time / states invited, 4 decimals'),
  late: Count(),
  overdue: Count(),
  pending: Count(),
  meanDaysLate: Nullable(Type.Number({ minimum: 0, description: 'Over late submissions only; null when none' })),
  medianDaysLate: Nullable(Type.Number({ minimum: 0 })),
});

/** A round's compliance dashboard. */
export const ComplianceDashboardSchema = Closed({
  round: RoundRef,
  asOf: DateTime({ description: "The clock's now" }),
  today: Type.String({ format: 'date', description: "Today's date in the mechanism's time zone" }),
  rows: Type.Array(ComplianceRowSchema),
  totals: ComplianceTotalsSchema,
  alerts: Closed({
    failedMails: Count('Failed mails in the whole ledger: look at GET /outbox?status=failed'),
  }),
});

/** One state's timeliness across rounds. */
export const ComplianceHistorySchema = Closed({
  stateCode: Type.String({ example: 'ARG' }),
  stateName: Type.String({ example: 'Argentina' }),
  asOf: DateTime(),
  rounds: Type.Array(ComplianceRowSchema),
  totals: ComplianceTotalsSchema,
});
