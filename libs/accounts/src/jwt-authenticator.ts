import { Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';
import { Clock } from '@mesecvi/clock';
import { queryNamed } from '@mesecvi/database';
import { Authenticator, type Caller, type Language, type Role } from '@mesecvi/http';
import { AccessTokens } from './access-tokens.service';
import { AccountChangeListener } from './account-change-listener';

interface CallerRow {
  id: string;
  role: Role;
  state_code: string | null;
  language: Language;
}

/**
 * Resolves the caller from a Bearer token. The account is read from PostgreSQL (one indexed
 * query) unless the CallerCache holds it — and the cache forgets an account the moment it changes
 * (see CallerCache) — so a disabled user or an ended session stops working at once, not at token
 * expiry. The token's signature and expiry are checked on every request.
 */
@Injectable()
export class JwtAuthenticator extends Authenticator {
  constructor(
    private readonly tokens: AccessTokens,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly changes: AccountChangeListener,
  ) {
    super();
  }

  async authenticate(request: FastifyRequest): Promise<Caller | null> {
    const match = /^Bearer ([A-Za-z0-9_\-.]+)$/.exec(request.headers.authorization ?? '');
    if (!match) return null;
    const claims = await this.tokens.verify(match[1], await this.clock.now());
    if (!claims) return null;
    this.changes.start();
    const cache = this.changes.cache;
    const cached = cache.get(claims.sub, claims.sid);
    if (cached) return cached;
    const epoch = cache.epoch;
    // A named statement straight on the pool: planned once per connection, as it runs on every authenticated request.
    const rows = await queryNamed<CallerRow>(this.dataSource, 'jwt_authenticator_caller_v1', CALLER_SQL, [
      claims.sub,
      claims.sid,
    ]);
    const row = rows[0];
    if (!row) return null;
    const caller: Caller = {
      userId: row.id,
      role: row.role,
      stateCode: row.state_code,
      language: row.language,
      sessionId: claims.sid,
    };
    cache.set(caller, epoch);
    return caller;
  }
}

/** The account behind a token, only while it is active and its session (refresh-token family) is not revoked. */
const CALLER_SQL = `SELECT u.id, u.role, u.state_code, COALESCE(u.preferred_language, s.working_language, 'en') AS language
         FROM user_account u LEFT JOIN state_party s ON s.code = u.state_code
        WHERE u.id = $1 AND u.status = 'active'
          AND EXISTS (SELECT 1 FROM refresh_token r WHERE r.family_id = $2 AND r.user_id = u.id)
          AND NOT EXISTS (SELECT 1 FROM refresh_token r WHERE r.family_id = $2 AND r.revoked_at IS NOT NULL)`;
