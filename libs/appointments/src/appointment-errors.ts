import { accountConflict } from '@mesecvi/accounts';
import type { DomainError } from '@mesecvi/errors';
import { ruleConflict } from './appointment-rules';

/** PostgreSQL's verdicts on our constraints, as the business conflicts they mean. */
const CONSTRAINT_RULES: Record<string, [string, string]> = {
  UQ_appointment_one_active: [
    'one_active_per_seat',
    'This state already has an active holder of this seat; name it in replacesId to replace it.',
  ],
  UQ_appointment_replaces: ['replaces_mismatch', 'The named appointment has already been replaced.'],
  UQ_committee_office_one_current: [
    'one_current_officer',
    'Someone else was elected to this office at the same time; reload and try again.',
  ],
  UQ_conflict_declaration_expert_state: [
    'conflict_already_declared',
    'This expert has already declared a conflict with this state.',
  ],
  UQ_appointment_request_target_state: ['state_already_targeted', 'This state is already part of the request.'],
};

/** Maps a unique violation on one of our indexes (or an account's) to 409; null for anything else. */
export function appointmentConflict(e: unknown): DomainError | null {
  const err = e as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } };
  const code = err.driverError?.code ?? err.code;
  const constraint = err.driverError?.constraint ?? err.constraint;
  if (code === '23505' && constraint && CONSTRAINT_RULES[constraint]) {
    const [rule, message] = CONSTRAINT_RULES[constraint];
    return ruleConflict(rule, message);
  }
  return accountConflict(e);
}

export function rethrowAsConflict(e: unknown): never {
  throw appointmentConflict(e) ?? e;
}
