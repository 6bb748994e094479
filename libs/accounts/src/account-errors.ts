import { DomainError } from '@mesecvi/errors';

/** Maps PostgreSQL unique violations on accounts to the business conflict they mean. */
export function accountConflict(e: unknown): DomainError | null {
  const err = e as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } };
  const code = err.driverError?.code ?? err.code;
  const constraint = err.driverError?.constraint ?? err.constraint;
  if (code !== '23505') return null;
  if (constraint === 'UQ_user_account_email')
    return new DomainError('conflict', 'An account with this e-mail address already exists.');
  if (constraint === 'UQ_user_account_one_focal_point') {
    return new DomainError(
      'conflict',
      'This state already has a focal point: name the one being replaced in replacesUserId.',
    );
  }
  return null;
}
