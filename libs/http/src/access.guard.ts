import { Injectable, Logger, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { DomainError } from '@mesecvi/errors';
import { ACCESS_RULE, type AccessRule } from './access.decorator';
import { setCaller, type Caller } from './caller';

/** Resolves the caller from the request; the accounts library provides the real one. */
export abstract class Authenticator {
  abstract authenticate(request: FastifyRequest): Promise<Caller | null>;
}

/** Until accounts exist nobody is authenticated, so every non-public route answers 401. */
export class NoAuthenticator extends Authenticator {
  async authenticate(): Promise<null> {
    return null;
  }
}

@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger('AccessGuard');

  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: Authenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!rule) {
      this.logger.error({ msg: 'route without an access rule refused', handler: context.getHandler().name });
      throw new DomainError('forbidden', 'This route declares no access rule and is closed.');
    }
    if (rule.kind === 'public') return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const caller = await this.authenticator.authenticate(request);
    if (!caller) {
      throw new DomainError('unauthenticated', 'A valid access token is required.', {
        headers: { 'www-authenticate': 'Bearer' },
      });
    }
    setCaller(request, caller);
    if (rule.roles && !rule.roles.includes(caller.role)) {
      throw new DomainError('forbidden', `The role ${caller.role} may not use this route.`);
    }
    return true;
  }
}
