import { fieldInvalid, rethrowConstraintAsConflict, ruleConflict, type ConstraintRules } from '@mesecvi/errors';

export { fieldInvalid, ruleConflict };

/** PostgreSQL's verdicts on our constraints and trigger, as the business conflicts they mean. */
const CONSTRAINT_RULES: ConstraintRules = {
  TRG_rapporteur_assignment_not_excluded: [
    'rapporteur_excluded_state',
    'An expert never evaluates the state that appointed them nor one they declared a conflict with.',
  ],
  UQ_rapporteur_assignment_active: [
    'rapporteur_already_assigned',
    'This expert is already a rapporteur of this evaluation.',
  ],
};

export const rethrowAsReviewConflict = (e: unknown): never => rethrowConstraintAsConflict(e, CONSTRAINT_RULES);
