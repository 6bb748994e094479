import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '@mesecvi/audit';
import { Clock } from '@mesecvi/clock';
import { APP_CONFIG, type AppConfig } from '@mesecvi/config';
import { serverPages, webLink } from '@mesecvi/web-links';
import { DomainError } from '@mesecvi/errors';
import type { Language } from '@mesecvi/http';
import { Outbox } from '@mesecvi/mail';
import { StateParty } from '@mesecvi/states';
import { AccountTokensService } from './account-tokens.service';
import { AuthService } from './auth.service';
import { PasswordHasher } from './password-hasher';
import { passwordFieldProblem, passwordProblem } from './password-policy';
import { PasswordResetThrottle } from './password-reset-throttle.service';
import { UserAccount } from './user-account.entity';

/** "Forgot my password": a single-use link by e-mail; answers alike for known and unknown addresses. */
@Injectable()
export class PasswordResetService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tokens: AccountTokensService,
    private readonly hasher: PasswordHasher,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly throttle: PasswordResetThrottle,
  ) {}

  /**
   * Never reveals whether the address has an account nor whether the request was limited: the
   * caller answers 202 either way. `client` is the requester's address.
   */
  async request(rawEmail: string, client: string, requestId: string): Promise<void> {
    const email = rawEmail.trim().toLowerCase();
    if (!(await this.throttle.allow(email, client, requestId))) return;
    const now = await this.clock.now();
    const mailId = await this.dataSource.transaction(async (manager) => {
      const user = await manager.getRepository(UserAccount).findOneBy({ email, status: 'active' });
      if (!user) return null;
      const state = user.stateCode ? await manager.getRepository(StateParty).findOneBy({ code: user.stateCode }) : null;
      const language: Language = user.preferredLanguage ?? state?.workingLanguage ?? 'en';
      const { token, expiresAt } = await this.tokens.issue(
        manager,
        user.id,
        'password_reset',
        this.config.auth.passwordResetTtlMinutes * 60_000,
        now,
      );
      await this.audit.record(manager, {
        actor: null,
        action: 'account.password_reset_requested',
        entity: { type: 'user_account', id: user.id },
        requestId,
        at: now,
      });
      return this.outbox.stage(
        manager,
        {
          kind: 'password_reset',
          template: 'password_reset',
          language,
          to: { address: user.email, name: user.name, userId: user.id, role: user.role },
          stateCode: user.stateCode,
          related: { type: 'user_account', id: user.id },
          payload: {
            recipientName: user.name,
            link: webLink(this.config.http.publicBaseUrl, serverPages.passwordReset.path(token)),
            expiresAt: expiresAt.toISOString(),
          },
        },
        now,
      );
    });
    if (mailId) await this.outbox.wake([mailId]);
  }

  /** The reset page's form: new password, and every open session of the account ends. */
  async complete(token: string, password: string, confirmation: string, requestId: string): Promise<UserAccount> {
    const now = await this.clock.now();
    const check = await this.tokens.peek(token, 'password_reset', now);
    if (!check || check.user.status !== 'active')
      throw new DomainError('not_found', 'This password reset link is not valid any more.');
    const problem = passwordProblem(password, confirmation, check.user.email);
    if (problem)
      throw new DomainError('validation_failed', 'The password is not acceptable.', {
        errors: [passwordFieldProblem(problem)],
      });
    const hash = await this.hasher.hash(password);
    return this.dataSource.transaction(async (manager) => {
      const found = await this.tokens.consume(manager, token, 'password_reset', now);
      if (!found || found.user.status !== 'active')
        throw new DomainError('not_found', 'This password reset link is not valid any more.');
      await manager
        .getRepository(UserAccount)
        .update({ id: found.user.id }, { passwordHash: hash, updatedAt: now, version: () => 'version + 1' });
      await this.auth.revokeAllSessions(manager, found.user.id, now);
      await this.audit.record(manager, {
        actor: { userId: found.user.id, role: found.user.role, stateCode: found.user.stateCode, language: 'en' },
        action: 'account.password_reset',
        entity: { type: 'user_account', id: found.user.id },
        requestId,
        at: now,
      });
      return found.user;
    });
  }

  /** Used by the page to greet the person and pick the language before the form is sent. */
  async peek(token: string): Promise<UserAccount | null> {
    const found = await this.tokens.peek(token, 'password_reset', await this.clock.now());
    return found && found.user.status === 'active' ? found.user : null;
  }
}
