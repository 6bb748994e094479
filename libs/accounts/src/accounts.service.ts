import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '@mesecvi/audit';
import { Clock } from '@mesecvi/clock';
import { DomainError } from '@mesecvi/errors';
import type { Caller, Language, RequestMeta } from '@mesecvi/http';
import { PolicyService } from '@mesecvi/policy';
import { StateParty } from '@mesecvi/states';
import { accountConflict } from './account-errors';
import { findAccountInScope } from './account-scope';
import type { AccountFilter, AccountView, OwnAccountChanges } from './account.schemas';
import { toAccountView } from './account.view';
import { AccountTokensService } from './account-tokens.service';
import { AuthService } from './auth.service';
import { UserAccount, type AccountStatus } from './user-account.entity';
import { AccountChangeListener } from './account-change-listener';

/** Reading and managing accounts, always through the policy's scope. */
@Injectable()
export class AccountsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policy: PolicyService,
    private readonly auth: AuthService,
    private readonly tokens: AccountTokensService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly changes: AccountChangeListener,
  ) {}

  async list(caller: Caller, filter: AccountFilter): Promise<AccountView[]> {
    const scope = this.policy.stateRecordsScope(caller);
    const query = this.dataSource
      .createQueryBuilder()
      .select('u.*')
      .addSelect('s.working_language', 'state_language')
      .from('user_account', 'u')
      .leftJoin('state_party', 's', 's.code = u.state_code')
      .orderBy('u.state_code', 'ASC', 'NULLS FIRST')
      .addOrderBy('u.name', 'ASC');
    if (scope.kind === 'states') query.andWhere('u.state_code = ANY(:codes)', { codes: scope.codes });
    if (filter.role) query.andWhere('u.role = :role', { role: filter.role });
    if (filter.stateCode) query.andWhere('u.state_code = :state', { state: filter.stateCode.toUpperCase() });
    if (filter.status) query.andWhere('u.status = :status', { status: filter.status });
    const rows: Array<Record<string, unknown>> = await query.getRawMany();
    return rows.map((r) =>
      toAccountView(
        {
          id: r.id,
          email: r.email,
          name: r.name,
          role: r.role,
          stateCode: r.state_code,
          status: r.status,
          preferredLanguage: r.preferred_language,
          createdAt: r.created_at,
        } as UserAccount,
        (r.state_language as Language | null) ?? null,
      ),
    );
  }

  async get(caller: Caller, id: string, meta: RequestMeta): Promise<AccountView> {
    const user = await findAccountInScope(this.dataSource.manager, this.policy, caller, id, meta);
    return this.view(user);
  }

  /** The signed-in person's own account, as `GET /me` answers it. */
  async own(userId: string): Promise<AccountView> {
    return this.view(await this.dataSource.getRepository(UserAccount).findOneByOrFail({ id: userId }));
  }

  async updateMe(caller: Caller, changes: OwnAccountChanges, meta: RequestMeta): Promise<AccountView> {
    const now = await this.clock.now();
    await this.dataSource.transaction(async (manager) => {
      this.changes.cache.forgetUser(caller.userId);
      await manager
        .getRepository(UserAccount)
        .update({ id: caller.userId }, { ...changes, updatedAt: now, version: () => 'version + 1' });
      await this.audit.record(manager, {
        actor: caller,
        action: 'account.updated',
        entity: { type: 'user_account', id: caller.userId },
        summary: { fields: Object.keys(changes) },
        requestId: meta.requestId,
        at: now,
      });
    });
    return this.get(caller, caller.userId, meta);
  }

  /** Disabling ends every session at once and voids pending links. */
  async setDisabled(caller: Caller, id: string, disabled: boolean, meta: RequestMeta): Promise<AccountView> {
    const now = await this.clock.now();
    const user = await this.dataSource
      .transaction(async (manager) => {
        const target = await findAccountInScope(manager, this.policy, caller, id, meta, true);
        if (!this.policy.canManageAccount(caller, target))
          throw new DomainError('forbidden', 'You may not manage this account.');
        if (target.id === caller.userId)
          throw new DomainError('conflict', 'You cannot disable or enable your own account.');
        const next: AccountStatus = disabled ? 'disabled' : target.passwordHash ? 'active' : 'invited';
        if (disabled === (target.status === 'disabled'))
          throw new DomainError('conflict', `The account is already ${target.status}.`);
        this.changes.cache.forgetUser(id);
        await manager
          .getRepository(UserAccount)
          .update({ id }, { status: next, updatedAt: now, version: () => 'version + 1' });
        if (disabled) {
          await this.auth.revokeAllSessions(manager, id, now);
          await this.tokens.voidAll(manager, id, now);
        }
        await this.audit.record(manager, {
          actor: caller,
          action: disabled ? 'account.disabled' : 'account.enabled',
          entity: { type: 'user_account', id },
          summary: { from: target.status, to: next },
          requestId: meta.requestId,
          at: now,
        });
        return { ...target, status: next };
      })
      .catch((e: unknown) => {
        throw accountConflict(e) ?? e;
      });
    return this.view(user);
  }

  /**
   * Disables an account inside the caller's transaction, for the platform's own reasons (an
   * appointment ended): no scope check, sessions end and pending links die as with `setDisabled`.
   * Returns false when the account was already disabled.
   */
  async disableWithin(
    manager: EntityManager,
    userId: string,
    meta: RequestMeta,
    now: Date,
    reason: string,
  ): Promise<boolean> {
    this.changes.cache.forgetUser(userId);
    const result = await manager
      .getRepository(UserAccount)
      .createQueryBuilder()
      .update()
      .set({ status: 'disabled', updatedAt: now, version: () => 'version + 1' })
      .where("id = :id AND status <> 'disabled'", { id: userId })
      .execute();
    if (result.affected === 0) return false;
    await this.auth.revokeAllSessions(manager, userId, now);
    await this.tokens.voidAll(manager, userId, now);
    await this.audit.record(manager, {
      actor: meta.caller,
      action: 'account.disabled',
      entity: { type: 'user_account', id: userId },
      summary: { reason },
      requestId: meta.requestId,
      at: now,
    });
    return true;
  }

  private async view(user: UserAccount): Promise<AccountView> {
    const state = user.stateCode
      ? await this.dataSource.getRepository(StateParty).findOneBy({ code: user.stateCode })
      : null;
    return toAccountView(user, state?.workingLanguage ?? null);
  }
}
