import { accountConflict } from '@mesecvi/accounts';
import { constraintConflict, type ConstraintRules, type DomainError } from '@mesecvi/errors';
import { APPOINTMENT_RULES } from './appointment-rule-catalogue';

/** PostgreSQL's verdicts on our constraints, as the business conflicts they mean. */
const CONSTRAINT_RULES: ConstraintRules = {
  UQ_appointment_one_active: APPOINTMENT_RULES.one_active_per_seat,
  UQ_appointment_replaces: APPOINTMENT_RULES.replaces_already_replaced,
  UQ_committee_office_one_current: APPOINTMENT_RULES.one_current_officer,
  UQ_conflict_declaration_expert_state: APPOINTMENT_RULES.conflict_already_declared,
  UQ_appointment_request_target_state: APPOINTMENT_RULES.state_already_targeted,
};

/** Maps a unique violation on one of our indexes (or an account's) to 409; null for anything else. */
export function appointmentConflict(e: unknown): DomainError | null {
  return constraintConflict(e, CONSTRAINT_RULES) ?? accountConflict(e);
}

export function rethrowAsConflict(e: unknown): never {
  throw appointmentConflict(e) ?? e;
}
