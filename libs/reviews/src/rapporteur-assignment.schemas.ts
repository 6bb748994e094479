import { Type, type Static } from '@sinclair/typebox';
import { Closed, DateTime, Nullable, StringEnum } from '@mesecvi/http';
import { RAPPORTEUR_ASSIGNMENT_STATUSES } from './rapporteur-assignment.entity';

/** An expert's assignment as rapporteur of one state's evaluation. */
export const RapporteurAssignmentViewSchema = Closed({
  id: Type.String({ format: 'uuid' }),
  evaluationId: Type.String({ format: 'uuid' }),
  stateCode: Type.String({ example: 'ARG' }),
  expertUserId: Type.String({ format: 'uuid' }),
  expertName: Type.String({ example: 'Ana Gómez' }),
  assignedBy: Type.String({ format: 'uuid' }),
  assignedAt: DateTime(),
  status: StringEnum(RAPPORTEUR_ASSIGNMENT_STATUSES, { example: 'open' }),
  closedAt: Nullable(DateTime()),
  expertAppointed: Type.Boolean({
    description:
      'False when the expert no longer holds an active titular or alternate appointment: an open assignment to re-plan',
  }),
  expertConflicted: Type.Boolean({
    description:
      'True when the expert declared a conflict with the state after being assigned: they lost access, and the assignment should be withdrawn',
  }),
  reviewDueDate: Nullable(
    Type.String({
      format: 'date',
      description: "When the evaluation's review is due, if the secretariat set it (not once the review is done)",
    }),
  ),
});
export type RapporteurAssignmentView = Static<typeof RapporteurAssignmentViewSchema>;
export const RapporteurAssignmentListSchema = Type.Array(RapporteurAssignmentViewSchema);
