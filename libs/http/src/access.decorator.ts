import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';
import type { Role } from './caller';

/**
 * Every route declares who may call it; a route without a declaration is refused (deny by
 * default) and the route-matrix test fails. Later issues extend `AccessRule` with roles and the
 * policy service's object-scope checks.
 */
export type AccessRule = { kind: 'public' } | { kind: 'authenticated'; roles?: readonly Role[] };

export const ACCESS_RULE = 'mesecvi:access-rule';

/** Open to anyone, logged in or not (health, readiness, metrics, OpenAPI). */
export const Public = (): MethodDecorator & ClassDecorator =>
  SetMetadata(ACCESS_RULE, { kind: 'public' } satisfies AccessRule);

/**
 * Requires a logged-in caller, optionally restricted to some roles. The document marks the
 * operation as needing a bearer token, which is what gives it its 401 response.
 */
export const Authenticated = (...roles: Role[]): MethodDecorator & ClassDecorator =>
  applyDecorators(
    SetMetadata(ACCESS_RULE, {
      kind: 'authenticated',
      roles: roles.length > 0 ? roles : undefined,
    } satisfies AccessRule),
    ApiBearerAuth(),
  );
