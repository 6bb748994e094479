import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '@mesecvi/clock';
import { APP_CONFIG, type AppConfig } from '@mesecvi/config';
import { DomainError, ruleRefusal } from '@mesecvi/errors';
import { ACCOUNT_RULES } from './account-rules';
import type { BrowserSession } from './account.schemas';
import { AccountsService } from './accounts.service';
import { AuthService, type SessionGrant } from './auth.service';

/** A browser session's answer, and the refresh token for its cookie with how long the cookie lasts. */
export interface BrowserSessionGrant {
  session: BrowserSession;
  refreshToken: string;
  refreshMaxAgeSeconds: number;
}

/**
 * The web application's session: the same sign-in, rotation and sign-out as API clients get, but
 * the refresh token is kept for a cookie (never in the body), a token reused within the grace
 * answers the pair its first use got (tabs refreshing at once), and ending needs no access token.
 */
@Injectable()
export class BrowserSessionService {
  private readonly graceMs: number;

  constructor(
    private readonly auth: AuthService,
    private readonly accounts: AccountsService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.graceMs = config.auth.sessionRefreshGraceSeconds * 1000;
  }

  async start(email: string, password: string, address: string, requestId: string): Promise<BrowserSessionGrant> {
    return this.answer(await this.auth.startSession(email, password, address, requestId));
  }

  /** 401 with `session_cookie_missing` or `session_expired` (unknown, expired, revoked or reused token). */
  async refresh(refreshToken: string | undefined, requestId: string): Promise<BrowserSessionGrant> {
    if (!refreshToken) throw ruleRefusal(ACCOUNT_RULES.session_cookie_missing);
    try {
      return this.answer(await this.auth.rotate(refreshToken, requestId, this.graceMs));
    } catch (e) {
      if (e instanceof DomainError && e.code === 'unauthenticated') throw ruleRefusal(ACCOUNT_RULES.session_expired);
      throw e;
    }
  }

  /** Idempotent: without a cookie, or with one already ended, there is nothing to end. */
  async end(refreshToken: string | undefined, requestId: string): Promise<void> {
    if (refreshToken) await this.auth.endSessionOf(refreshToken, requestId);
  }

  private async answer(grant: SessionGrant): Promise<BrowserSessionGrant> {
    const now = await this.clock.now();
    return {
      session: {
        accessToken: grant.pair.accessToken,
        accessTokenExpiresAt: grant.accessExpiresAt.toISOString(),
        account: await this.accounts.own(grant.userId),
      },
      refreshToken: grant.pair.refreshToken,
      refreshMaxAgeSeconds: Math.max(0, Math.ceil((grant.refreshExpiresAt.getTime() - now.getTime()) / 1000)),
    };
  }
}
