import { fieldInvalid, rethrowConstraintAsConflict, ruleConflict, type ConstraintRules } from '@mesecvi/errors';
import { REVIEW_RULES } from './review-rules';

export { fieldInvalid, ruleConflict };

/** PostgreSQL's verdicts on our constraints and trigger, as the business conflicts they mean. */
const CONSTRAINT_RULES: ConstraintRules = {
  TRG_rapporteur_assignment_not_excluded: REVIEW_RULES.rapporteur_excluded_state,
  UQ_rapporteur_assignment_active: REVIEW_RULES.rapporteur_already_assigned,
};

export const rethrowAsReviewConflict = (e: unknown): never => rethrowConstraintAsConflict(e, CONSTRAINT_RULES);
