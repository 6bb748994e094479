import { createSecretKey, type KeyObject } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { APP_CONFIG, type AppConfig } from '@mesecvi/config';

export interface AccessClaims {
  sub: string;
  /** Session (refresh-token family): logging out or a detected token theft ends it. */
  sid: string;
}

/**
 * Short-lived HS256 access tokens. Only HS256 is accepted on verify (no `alg: none`, no key
 * confusion). Issue and expiry follow the platform clock, so moving demo time expires them too.
 */
@Injectable()
export class AccessTokens {
  /**
   * The verify key as a KeyObject, made once: given the secret as a string, jsonwebtoken first
   * tries (and fails) to parse it as a public key on every verify, a measurable cost per request.
   */
  private readonly verifyKey: KeyObject;

  constructor(
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.verifyKey = createSecretKey(Buffer.from(config.auth.jwtSecret, 'utf8'));
  }

  sign(claims: AccessClaims, now: Date): string {
    const iat = Math.floor(now.getTime() / 1000);
    return this.jwt.sign(
      { ...claims, iat, exp: iat + this.config.auth.accessTokenTtlSeconds },
      { secret: this.config.auth.jwtSecret, algorithm: 'HS256' },
    );
  }

  async verify(token: string, now: Date): Promise<AccessClaims | null> {
    try {
      const payload = await this.jwt.verifyAsync<AccessClaims & { exp: number }>(token, {
        // @nestjs/jwt types the secret as string | Buffer; jsonwebtoken takes a KeyObject as well.
        secret: this.verifyKey as unknown as string,
        algorithms: ['HS256'],
        clockTimestamp: Math.floor(now.getTime() / 1000),
      });
      return typeof payload.sub === 'string' && typeof payload.sid === 'string'
        ? { sub: payload.sub, sid: payload.sid }
        : null;
    } catch {
      return null;
    }
  }

  get ttlSeconds(): number {
    return this.config.auth.accessTokenTtlSeconds;
  }
}
