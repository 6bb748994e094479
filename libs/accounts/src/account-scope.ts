import type { EntityManager } from 'typeorm';
import { DomainError } from '@mesecvi/errors';
import type { Caller, RequestMeta } from '@mesecvi/http';
import type { PolicyService } from '@mesecvi/policy';
import { UserAccount } from './user-account.entity';
import { isUuid } from '@mesecvi/http';

/**
 * Loads an account the caller may see: the secretariat sees all, state users their own state's,
 * everyone their own. Anything else is 404 (and a security log line), exactly like a missing one.
 */
export async function findAccountInScope(
  manager: EntityManager,
  policy: PolicyService,
  caller: Caller,
  id: string,
  meta: RequestMeta,
  lock = false,
): Promise<UserAccount> {
  const query = manager.getRepository(UserAccount).createQueryBuilder('u').where('u.id = :id', { id });
  if (lock) query.setLock('pessimistic_write');
  const user = isUuid(id) ? await query.getOne() : null;
  const visible =
    user !== null &&
    (user.id === caller.userId ||
      (user.stateCode !== null && policy.canReadStateRecords(caller, user.stateCode)) ||
      caller.role === 'secretariat');
  if (!visible) {
    if (user) policy.denied(caller, meta, 'account', user.stateCode);
    throw new DomainError('not_found', 'Account was not found');
  }
  return user;
}
