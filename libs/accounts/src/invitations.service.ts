import { Inject, Injectable } from '@nestjs/common';
import { DataSource, Not, type EntityManager } from 'typeorm';
import { AuditService } from '@mesecvi/audit';
import { Clock } from '@mesecvi/clock';
import { APP_CONFIG, type AppConfig } from '@mesecvi/config';
import { serverPages, webLink } from '@mesecvi/web-links';
import { DomainError, ruleConflict } from '@mesecvi/errors';
import { ACCOUNT_RULES } from './account-rules';
import type { Language, RequestMeta } from '@mesecvi/http';
import { Outbox } from '@mesecvi/mail';
import { PolicyService } from '@mesecvi/policy';
import { StateParty, stateName } from '@mesecvi/states';
import { accountConflict } from './account-errors';
import { findAccountInScope } from './account-scope';
import { AccountTokensService } from './account-tokens.service';
import type { AccountView, InvitationInput } from './account.schemas';
import { toAccountView } from './account.view';
import { PasswordHasher } from './password-hasher';
import { passwordFieldProblem, passwordProblem } from './password-policy';
import { ROLE_LABELS } from './role-labels';
import { UserAccount, type AccountStatus } from './user-account.entity';
import { AccountChangeListener } from './account-change-listener';

/** Invites people by e-mail; they choose their password on the invitation page. */
@Injectable()
export class InvitationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tokens: AccountTokensService,
    private readonly hasher: PasswordHasher,
    private readonly policy: PolicyService,
    private readonly audit: AuditService,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly changes: AccountChangeListener,
  ) {}

  async invite(input: InvitationInput, meta: RequestMeta): Promise<AccountView> {
    const caller = meta.caller;
    if (!caller) throw new DomainError('unauthenticated', 'Sign in first.');
    const email = input.email.trim().toLowerCase();
    const stateCode = input.stateCode ? input.stateCode.toUpperCase() : null;
    if (input.role === 'secretariat' && stateCode) {
      throw new DomainError('validation_failed', 'The secretariat is not bound to a state.', {
        errors: [{ pointer: '/stateCode', message: 'must be empty for the secretariat' }],
      });
    }
    if (input.role !== 'secretariat' && !stateCode) {
      throw new DomainError('validation_failed', 'This role needs a state party.', {
        errors: [{ pointer: '/stateCode', message: 'is required for this role' }],
      });
    }
    if (!this.policy.canManageAccount(caller, { role: input.role, stateCode })) {
      if (caller.role === 'state_focal_point' && stateCode !== caller.stateCode) {
        this.policy.denied(caller, meta, 'state party', stateCode);
        throw new DomainError('not_found', `State party ${stateCode} was not found`);
      }
      throw new DomainError('forbidden', 'You may invite contributors of your own state only.');
    }
    const now = await this.clock.now();
    const { view, mailId } = await this.dataSource
      .transaction((manager) => this.inviteWithin(manager, { ...input, email, stateCode }, meta, now))
      .catch((e: unknown) => {
        throw accountConflict(e) ?? e;
      });
    await this.outbox.wake([mailId]);
    return view;
  }

  /**
   * The invitation itself, inside the caller's transaction (an appointment invites its expert in
   * the same transaction that records it). Role and scope checks are the caller's job; the mail
   * is staged here, and the caller wakes the outbox with `mailId` after commit.
   */
  async inviteWithin(
    manager: EntityManager,
    input: InvitationInput,
    meta: RequestMeta,
    now: Date,
  ): Promise<{ view: AccountView; mailId: string; userId: string }> {
    const email = input.email.trim().toLowerCase();
    const stateCode = input.stateCode ? input.stateCode.toUpperCase() : null;
    const state = stateCode ? await manager.getRepository(StateParty).findOneBy({ code: stateCode }) : null;
    if (stateCode && !state) {
      throw new DomainError('validation_failed', 'Unknown state party.', {
        errors: [{ pointer: '/stateCode', message: `${stateCode} is not a state party` }],
      });
    }
    if (input.role === 'state_focal_point' && stateCode)
      await this.replaceFocalPoint(manager, stateCode, input.replacesUserId, meta, now);
    const user = manager.getRepository(UserAccount).create({
      email,
      name: input.name.trim(),
      role: input.role,
      stateCode,
      status: 'invited',
      preferredLanguage: input.preferredLanguage ?? null,
      passwordHash: null,
      createdAt: now,
      updatedAt: now,
    });
    await manager.getRepository(UserAccount).insert(user);
    await this.audit.record(manager, {
      actor: meta.caller,
      action: 'account.invited',
      entity: { type: 'user_account', id: user.id },
      summary: { role: user.role, stateCode },
      requestId: meta.requestId,
      at: now,
    });
    const mailId = await this.stageInvitation(manager, user, state, now);
    return { view: toAccountView(user, state?.workingLanguage ?? null), mailId, userId: user.id };
  }

  /**
   * Gives a person the account a formal appointment calls for, inside the caller's transaction:
   * invites them when the e-mail is new; enables their account again when they come back to the
   * same role and state (a renewed term); promotes a contributor of the state to focal point.
   * Any other existing account with that e-mail is a 409. `mailId` is null when nothing is mailed.
   */
  async provisionWithin(
    manager: EntityManager,
    input: InvitationInput,
    meta: RequestMeta,
    now: Date,
  ): Promise<{ userId: string; mailId: string | null; outcome: 'invited' | 'enabled' | 'existing' | 'promoted' }> {
    const email = input.email.trim().toLowerCase();
    const stateCode = input.stateCode ? input.stateCode.toUpperCase() : null;
    const repo = manager.getRepository(UserAccount);
    const existing = await repo
      .createQueryBuilder('u')
      .setLock('pessimistic_write')
      .where('u.email = :email', { email })
      .getOne();
    if (!existing) {
      const { userId, mailId } = await this.inviteWithin(manager, { ...input, email, stateCode }, meta, now);
      return { userId, mailId, outcome: 'invited' };
    }
    const audit = (action: string, summary: Record<string, unknown>) =>
      this.audit.record(manager, {
        actor: meta.caller,
        action,
        entity: { type: 'user_account', id: existing.id },
        summary,
        requestId: meta.requestId,
        at: now,
      });
    if (existing.role === input.role && existing.stateCode === stateCode) {
      if (existing.status !== 'disabled') return { userId: existing.id, mailId: null, outcome: 'existing' };
      if (input.role === 'state_focal_point' && stateCode)
        await this.replaceFocalPoint(manager, stateCode, input.replacesUserId, meta, now);
      // Someone who never chose a password gets a fresh link; someone who did simply signs in again.
      const next: AccountStatus = existing.passwordHash ? 'active' : 'invited';
      await repo.update({ id: existing.id }, { status: next, updatedAt: now, version: () => 'version + 1' });
      await audit('account.enabled', { from: 'disabled', to: next, reason: 'appointment' });
      const state = stateCode ? await manager.getRepository(StateParty).findOneBy({ code: stateCode }) : null;
      const mailId =
        next === 'invited' ? await this.stageInvitation(manager, { ...existing, status: next }, state, now) : null;
      return { userId: existing.id, mailId, outcome: 'enabled' };
    }
    if (
      input.role === 'state_focal_point' &&
      existing.role === 'state_contributor' &&
      existing.stateCode === stateCode &&
      stateCode &&
      existing.status !== 'disabled'
    ) {
      await this.replaceFocalPoint(manager, stateCode, input.replacesUserId, meta, now);
      await repo.update(
        { id: existing.id },
        { role: 'state_focal_point', updatedAt: now, version: () => 'version + 1' },
      );
      await audit('account.role_changed', { from: 'state_contributor', to: 'state_focal_point', stateCode });
      return { userId: existing.id, mailId: null, outcome: 'promoted' };
    }
    throw ruleConflict(ACCOUNT_RULES.account_email_taken, {}, { accountId: existing.id });
  }

  /** Ends a focal point's designation without a successor: the person stays as a contributor. */
  async demoteFocalPointWithin(manager: EntityManager, userId: string, meta: RequestMeta, now: Date): Promise<void> {
    const repo = manager.getRepository(UserAccount);
    const user = await repo
      .createQueryBuilder('u')
      .setLock('pessimistic_write')
      .where('u.id = :id', { id: userId })
      .getOne();
    if (!user || user.role !== 'state_focal_point') return;
    await repo.update({ id: user.id }, { role: 'state_contributor', updatedAt: now, version: () => 'version + 1' });
    await this.audit.record(manager, {
      actor: meta.caller,
      action: 'account.role_changed',
      entity: { type: 'user_account', id: user.id },
      summary: { from: 'state_focal_point', to: 'state_contributor', stateCode: user.stateCode },
      requestId: meta.requestId,
      at: now,
    });
  }

  /** Sends a fresh link (the earlier one stops working), e.g. when the first one expired. */
  async resend(userId: string, meta: RequestMeta): Promise<AccountView> {
    const caller = meta.caller;
    if (!caller) throw new DomainError('unauthenticated', 'Sign in first.');
    const now = await this.clock.now();
    const { view, mailId } = await this.dataSource.transaction(async (manager) => {
      const user = await findAccountInScope(manager, this.policy, caller, userId, meta, true);
      if (!this.policy.canManageAccount(caller, user))
        throw new DomainError('forbidden', 'You may not manage this account.');
      if (user.status !== 'invited')
        throw new DomainError('conflict', 'Only an invited account that has not chosen a password can be re-invited.');
      const state = user.stateCode ? await manager.getRepository(StateParty).findOneBy({ code: user.stateCode }) : null;
      await this.audit.record(manager, {
        actor: caller,
        action: 'account.invitation_resent',
        entity: { type: 'user_account', id: user.id },
        requestId: meta.requestId,
        at: now,
      });
      return {
        view: toAccountView(user, state?.workingLanguage ?? null),
        mailId: await this.stageInvitation(manager, user, state, now),
      };
    });
    await this.outbox.wake([mailId]);
    return view;
  }

  /** The invitation page's form: sets the password and activates the account. */
  async accept(token: string, password: string, confirmation: string, requestId: string): Promise<UserAccount> {
    const now = await this.clock.now();
    const check = await this.tokens.peek(token, 'invitation', now);
    if (!check || check.user.status !== 'invited')
      throw new DomainError('not_found', 'This invitation link is not valid any more.');
    const problem = passwordProblem(password, confirmation, check.user.email);
    if (problem)
      throw new DomainError('validation_failed', 'The password is not acceptable.', {
        errors: [passwordFieldProblem(problem)],
      });
    const hash = await this.hasher.hash(password);
    return this.dataSource.transaction(async (manager) => {
      const found = await this.tokens.consume(manager, token, 'invitation', now);
      if (!found || found.user.status !== 'invited')
        throw new DomainError('not_found', 'This invitation link is not valid any more.');
      await manager
        .getRepository(UserAccount)
        .update(
          { id: found.user.id },
          { passwordHash: hash, status: 'active', updatedAt: now, version: () => 'version + 1' },
        );
      await this.audit.record(manager, {
        actor: { userId: found.user.id, role: found.user.role, stateCode: found.user.stateCode, language: 'en' },
        action: 'account.activated',
        entity: { type: 'user_account', id: found.user.id },
        requestId,
        at: now,
      });
      return { ...found.user, status: 'active' };
    });
  }

  private async replaceFocalPoint(
    manager: EntityManager,
    stateCode: string,
    replacesUserId: string | undefined,
    meta: RequestMeta,
    now: Date,
  ): Promise<void> {
    const current = await manager
      .getRepository(UserAccount)
      .createQueryBuilder('u')
      .setLock('pessimistic_write')
      .where({ stateCode, role: 'state_focal_point', status: Not('disabled') })
      .getOne();
    if (!current) return;
    if (replacesUserId !== current.id) {
      throw new DomainError(
        'conflict',
        `${stateCode} already has a focal point; to designate a new one, name the account being replaced in replacesUserId.`,
        {
          extensions: { currentFocalPointId: current.id },
        },
      );
    }
    // Designating a new focal point ends the previous designation; that person stays as a contributor.
    this.changes.cache.forgetUser(current.id);
    await manager
      .getRepository(UserAccount)
      .update({ id: current.id }, { role: 'state_contributor', updatedAt: now, version: () => 'version + 1' });
    await this.audit.record(manager, {
      actor: meta.caller,
      action: 'account.role_changed',
      entity: { type: 'user_account', id: current.id },
      summary: { from: 'state_focal_point', to: 'state_contributor', stateCode },
      requestId: meta.requestId,
      at: now,
    });
  }

  private async stageInvitation(
    manager: EntityManager,
    user: UserAccount,
    state: StateParty | null,
    now: Date,
  ): Promise<string> {
    const ttlMs = this.config.auth.invitationTtlHours * 3600_000;
    const { token, expiresAt } = await this.tokens.issue(manager, user.id, 'invitation', ttlMs, now);
    const language: Language = user.preferredLanguage ?? state?.workingLanguage ?? 'en';
    return this.outbox.stage(
      manager,
      {
        kind: 'invitation',
        template: 'invitation',
        language,
        to: { address: user.email, name: user.name, userId: user.id, role: user.role },
        stateCode: user.stateCode,
        related: { type: 'user_account', id: user.id },
        payload: {
          recipientName: user.name,
          roleLabel: ROLE_LABELS[user.role][language],
          stateName: state ? stateName(state, language) : null,
          link: webLink(this.config.http.publicBaseUrl, serverPages.invitation.path(token)),
          expiresAt: expiresAt.toISOString(),
        },
      },
      now,
    );
  }
}
