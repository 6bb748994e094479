import { Inject, Injectable, Logger } from '@nestjs/common';
import { createHmac, randomUUID } from 'node:crypto';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { AuditService } from '@mesecvi/audit';
import { Clock } from '@mesecvi/clock';
import { APP_CONFIG, type AppConfig } from '@mesecvi/config';
import { DomainError, localisedError, type Messages } from '@mesecvi/errors';
import type { Caller, RequestMeta } from '@mesecvi/http';
import { AccessTokens } from './access-tokens.service';
import type { TokenPair } from './account.schemas';
import { AccountChangeListener } from './account-change-listener';
import { LoginThrottle } from './login-throttle.service';
import { PasswordHasher } from './password-hasher';
import { RefreshToken } from './refresh-token.entity';
import { hashToken, newSecretToken, successorToken } from './secret-token';
import { UserAccount } from './user-account.entity';

/** What a refused sign-in or refresh says, in every language: the caller has no account language yet. */
export const AUTH_MESSAGES = {
  invalidCredentials: {
    en: 'The e-mail address or the password is incorrect.',
    es: 'La dirección de correo electrónico o la contraseña no son correctas.',
    fr: 'L’adresse électronique ou le mot de passe est incorrect.',
    pt: 'O endereço de e-mail ou a senha estão incorretos.',
  },
  invalidRefresh: {
    en: 'The refresh token is not valid. Sign in again.',
    es: 'El token de renovación no es válido. Vuelva a iniciar sesión.',
    fr: 'Le jeton de renouvellement n’est pas valide. Reconnectez-vous.',
    pt: 'O token de renovação não é válido. Inicie a sessão novamente.',
  },
} as const satisfies Record<string, Messages>;

const invalidCredentials = (): DomainError => localisedError('unauthenticated', AUTH_MESSAGES.invalidCredentials);
const invalidRefresh = (): DomainError => localisedError('unauthenticated', AUTH_MESSAGES.invalidRefresh);

/** What a sign-in or a refresh grants: the pair, whose it is, and when each of its tokens stops working. */
export interface SessionGrant {
  pair: TokenPair;
  userId: string;
  accessExpiresAt: Date;
  refreshExpiresAt: Date;
}

/** Sign-in, token refresh with rotation and reuse detection, sign-out. */
@Injectable()
export class AuthService {
  private readonly security = new Logger('security');
  /** The key successor refresh tokens are derived with (see successorToken), apart from the signing key's own use. */
  private readonly successorKey: string;

  constructor(
    private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly tokens: AccessTokens,
    private readonly throttle: LoginThrottle,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly changes: AccountChangeListener,
  ) {
    this.successorKey = createHmac('sha256', config.auth.jwtSecret)
      .update('refresh-token-successor')
      .digest('base64url');
  }

  async login(rawEmail: string, password: string, address: string, requestId: string): Promise<TokenPair> {
    return (await this.startSession(rawEmail, password, address, requestId)).pair;
  }

  /** Signs in (throttled): a new session (refresh-token family) and its first pair. */
  async startSession(rawEmail: string, password: string, address: string, requestId: string): Promise<SessionGrant> {
    const email = rawEmail.trim().toLowerCase();
    await this.throttle.admitAttempt(email, address);
    const user = await this.dataSource.getRepository(UserAccount).findOneBy({ email });
    const valid = await this.hasher.verify(user?.status === 'active' ? user.passwordHash : null, password);
    if (!user || !valid) {
      await this.throttle.recordFailure(email, address);
      throw invalidCredentials();
    }
    await this.throttle.recordSuccess(email);
    const now = await this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      const grant = await this.issue(manager, user.id, randomUUID(), now, newSecretToken());
      await this.audit.record(manager, {
        actor: actorOf(user),
        action: 'session.started',
        entity: { type: 'user_account', id: user.id },
        requestId,
        at: now,
      });
      return grant;
    });
  }

  /** `POST /auth/refresh`: every reuse of a refresh token ends its session. */
  async refresh(refreshToken: string, requestId: string): Promise<TokenPair> {
    return (await this.rotate(refreshToken, requestId, 0)).pair;
  }

  /**
   * Uses a refresh token once and issues the next of its family. A token presented twice was
   * copied: the whole family is revoked (the thief and the owner both have to sign in again) —
   * unless it was rotated less than `graceMs` ago, when the pair its first use got is answered
   * again (browser tabs refreshing at the same moment).
   */
  async rotate(refreshToken: string, requestId: string, graceMs: number): Promise<SessionGrant> {
    const now = await this.clock.now();
    const outcome = await this.dataSource.transaction(async (manager) => {
      const row = await manager
        .getRepository(RefreshToken)
        .createQueryBuilder('t')
        .setLock('pessimistic_write')
        .where('t.token_hash = :hash', { hash: hashToken(refreshToken) })
        .getOne();
      if (!row || row.revokedAt || row.expiresAt <= now) return { kind: 'invalid' as const };
      if (row.usedAt) {
        const inGrace = graceMs > 0 && now.getTime() - row.usedAt.getTime() <= graceMs;
        const again = inGrace ? await this.reissue(manager, row, refreshToken, now) : null;
        if (again) return { kind: 'ok' as const, grant: again };
        await this.revokeFamily(manager, row.userId, row.familyId, now);
        await this.audit.record(manager, {
          actor: null,
          action: 'session.revoked_on_reuse',
          entity: { type: 'user_account', id: row.userId },
          summary: { sessionId: row.familyId },
          requestId,
          at: now,
        });
        return { kind: 'reused' as const, row };
      }
      if (!(await this.activeUser(manager, row.userId))) return { kind: 'invalid' as const };
      await manager.getRepository(RefreshToken).update({ id: row.id }, { usedAt: now });
      const next = successorToken(refreshToken, this.successorKey);
      return { kind: 'ok' as const, grant: await this.issue(manager, row.userId, row.familyId, now, next) };
    });
    if (outcome.kind === 'ok') return outcome.grant;
    if (outcome.kind === 'reused') {
      this.security.warn({
        msg: 'refresh token reused: session revoked',
        requestId,
        userId: outcome.row.userId,
        sessionId: outcome.row.familyId,
      });
    }
    throw invalidRefresh();
  }

  /**
   * Ends the session a refresh token belongs to, whether that token is current, already rotated
   * or expired: a browser signing out may hold an expired access token. An unknown or already
   * revoked token ends nothing (signing out twice is not an error).
   */
  async endSessionOf(refreshToken: string, requestId: string): Promise<void> {
    const now = await this.clock.now();
    await this.dataSource.transaction(async (manager) => {
      const row = await manager.getRepository(RefreshToken).findOneBy({ tokenHash: hashToken(refreshToken) });
      if (!row || row.revokedAt) return;
      const user = await manager.getRepository(UserAccount).findOneBy({ id: row.userId });
      await this.revokeFamily(manager, row.userId, row.familyId, now);
      await this.audit.record(manager, {
        actor: user ? actorOf(user) : null,
        action: 'session.ended',
        entity: { type: 'user_account', id: row.userId },
        summary: { sessionId: row.familyId },
        requestId,
        at: now,
      });
    });
  }

  /** Ends the caller's session: its refresh tokens and, through the family check, its access tokens. */
  async logout(caller: Caller, meta: RequestMeta): Promise<void> {
    if (!caller.sessionId) return;
    const now = await this.clock.now();
    await this.dataSource.transaction(async (manager) => {
      await this.revokeFamily(manager, caller.userId, caller.sessionId as string, now);
      await this.audit.record(manager, {
        actor: caller,
        action: 'session.ended',
        entity: { type: 'user_account', id: caller.userId },
        requestId: meta.requestId,
        at: now,
      });
    });
  }

  /** Ends every session of a user (password reset, disabling). */
  async revokeAllSessions(manager: EntityManager, userId: string, now: Date): Promise<void> {
    // Forgotten here at once, not only when PostgreSQL announces the change (see CallerCache).
    this.changes.cache.forgetUser(userId);
    await manager.getRepository(RefreshToken).update({ userId, revokedAt: IsNull() }, { revokedAt: now });
  }

  private async revokeFamily(manager: EntityManager, userId: string, familyId: string, now: Date): Promise<void> {
    this.changes.cache.forgetUser(userId);
    await manager.getRepository(RefreshToken).update({ familyId, revokedAt: IsNull() }, { revokedAt: now });
  }

  /** The pair a first use of `used` issued, answered again while the grace lasts; null when its successor is gone. */
  private async reissue(
    manager: EntityManager,
    used: RefreshToken,
    presented: string,
    now: Date,
  ): Promise<SessionGrant | null> {
    const { token, hash } = successorToken(presented, this.successorKey);
    const next = await manager
      .getRepository(RefreshToken)
      .findOneBy({ tokenHash: hash, familyId: used.familyId, revokedAt: IsNull() });
    if (!next || next.expiresAt <= now || !(await this.activeUser(manager, used.userId))) return null;
    return this.grantOf(used.userId, used.familyId, token, next.issuedAt, next.expiresAt);
  }

  private async activeUser(manager: EntityManager, userId: string): Promise<UserAccount | null> {
    return manager.getRepository(UserAccount).findOneBy({ id: userId, status: 'active' });
  }

  private async issue(
    manager: EntityManager,
    userId: string,
    familyId: string,
    now: Date,
    { token, hash }: { token: string; hash: string },
  ): Promise<SessionGrant> {
    const expiresAt = new Date(now.getTime() + this.config.auth.refreshTokenTtlDays * 86400_000);
    await manager
      .getRepository(RefreshToken)
      .insert({ userId, familyId, tokenHash: hash, issuedAt: now, expiresAt, usedAt: null, revokedAt: null });
    return this.grantOf(userId, familyId, token, now, expiresAt);
  }

  /** Signed at the refresh token's issue time, so the same inputs give the very same access token. */
  private grantOf(userId: string, familyId: string, token: string, issuedAt: Date, expiresAt: Date): SessionGrant {
    return {
      pair: {
        tokenType: 'Bearer',
        accessToken: this.tokens.sign({ sub: userId, sid: familyId }, issuedAt),
        expiresIn: this.tokens.ttlSeconds,
        refreshToken: token,
      },
      userId,
      accessExpiresAt: new Date(Math.floor(issuedAt.getTime() / 1000) * 1000 + this.tokens.ttlSeconds * 1000),
      refreshExpiresAt: expiresAt,
    };
  }
}

/** An audit actor for a person acting without an access token (signing in, ending a session by its cookie). */
function actorOf(user: UserAccount): Caller {
  return { userId: user.id, role: user.role, stateCode: user.stateCode, language: 'en' };
}
