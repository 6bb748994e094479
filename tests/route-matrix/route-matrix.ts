/**
 * The route matrix: every route the api serves, who may call it, and what each kind of caller
 * gets. The route-matrix suite fails when a served route has no entry here, when an entry names
 * a route that is not served, or when any caller gets something else than written here.
 *
 * Outcomes: 'allowed' = the request reaches the route's logic (any answer but 401/403/404/5xx);
 * a number = exactly that status. For roles bound to a state (and experts, through their
 * appointing state), `own` calls the route on the caller's state and `other` on another state.
 */
import type { Role } from '@mesecvi/http';

export type Outcome = 'allowed' | 401 | 403 | 404;
export type Scoped = { own: Outcome; other: Outcome };

export interface MatrixContext {
  ownState: string;
  otherState: string;
  /** Accounts nobody signs in as, to be read or managed: an active contributor and an invited one per state. */
  targets: Record<'own' | 'other', { contributorId: string; invitedId: string; contactId: string; disposableContactId: string }>;
  unique(): string;
}

export interface RouteRequest {
  path: string;
  body?: object;
}

export interface RouteExpectation {
  access: 'public' | 'authenticated';
  /** Status an anonymous caller gets. */
  anonymous: number;
  /** Per role, for authenticated routes. */
  roles?: { secretariat: Outcome; state_focal_point: Outcome | Scoped; state_contributor: Outcome | Scoped; committee_expert: Outcome | Scoped };
  /** The concrete request for a scope; without it, path parameters get placeholder values. */
  request?: (ctx: MatrixContext, scope: 'own' | 'other') => RouteRequest;
}

const secretariatOnly = { secretariat: 'allowed', state_focal_point: 403, state_contributor: 403, committee_expert: 403 } as const;
const everyone = { secretariat: 'allowed', state_focal_point: 'allowed', state_contributor: 'allowed', committee_expert: 'allowed' } as const;
const stateScoped = { own: 'allowed', other: 404 } as const;
const state = (ctx: MatrixContext, scope: 'own' | 'other'): string => (scope === 'own' ? ctx.ownState : ctx.otherState);

export const ROUTE_MATRIX: Record<string, RouteExpectation> = {
  'GET /health': { access: 'public', anonymous: 200 },
  'GET /ready': { access: 'public', anonymous: 200 },
  'GET /metrics': { access: 'public', anonymous: 200 },
  // OpenAPI UI and documents, served by @nestjs/swagger outside Nest controllers.
  'GET /docs': { access: 'public', anonymous: 200 },
  'GET /docs/': { access: 'public', anonymous: 200 },
  'GET /docs/*': { access: 'public', anonymous: 200 },
  'GET /docs/openapi.json': { access: 'public', anonymous: 200 },
  'GET /docs/openapi.yaml': { access: 'public', anonymous: 200 },
  'GET /docs/index.html': { access: 'public', anonymous: 200 },
  'GET /docs/swagger-ui-init.js': { access: 'public', anonymous: 200 },
  'GET /docs/docs/swagger-ui-init.js': { access: 'public', anonymous: 200 },
  // swagger-ui registers this route but ships no such file.
  'GET /docs/LICENSE': { access: 'public', anonymous: 404 },

  // Authentication (public by nature; an empty body is a 422).
  'POST /auth/login': { access: 'public', anonymous: 422 },
  'POST /auth/refresh': { access: 'public', anonymous: 422 },
  'POST /auth/password-reset': { access: 'public', anonymous: 422 },
  'POST /auth/logout': { access: 'authenticated', anonymous: 401, roles: everyone },

  // Pages opened from e-mails: an unknown link is 410 Gone, an unknown page kind 404.
  'GET /account/:kind/:token': { access: 'public', anonymous: 410, request: () => ({ path: '/account/invitation/not-a-real-token-0123456789abcdef' }) },
  'POST /account/:kind/:token': { access: 'public', anonymous: 410, request: () => ({ path: '/account/password-reset/not-a-real-token-0123456789abcdef', body: {} }) },

  // Accounts.
  'GET /me': { access: 'authenticated', anonymous: 401, roles: everyone },
  'PATCH /me': { access: 'authenticated', anonymous: 401, roles: everyone, request: () => ({ path: '/me', body: { preferredLanguage: null } }) },
  'GET /accounts': {
    access: 'authenticated',
    anonymous: 401,
    roles: { secretariat: 'allowed', state_focal_point: 'allowed', state_contributor: 'allowed', committee_expert: 403 },
  },
  'GET /accounts/:id': {
    access: 'authenticated',
    anonymous: 401,
    roles: { secretariat: 'allowed', state_focal_point: stateScoped, state_contributor: stateScoped, committee_expert: { own: 404, other: 404 } },
    request: (ctx, scope) => ({ path: `/accounts/${ctx.targets[scope].contributorId}` }),
  },
  'POST /accounts/invitations': {
    access: 'authenticated',
    anonymous: 401,
    roles: { secretariat: 'allowed', state_focal_point: stateScoped, state_contributor: 403, committee_expert: 403 },
    request: (ctx, scope) => ({
      path: '/accounts/invitations',
      body: { email: `invitee.${ctx.unique()}@example.test`, name: 'Invitee', role: 'state_contributor', stateCode: state(ctx, scope) },
    }),
  },
  'POST /accounts/:id/invitation': {
    access: 'authenticated',
    anonymous: 401,
    roles: { secretariat: 'allowed', state_focal_point: stateScoped, state_contributor: 403, committee_expert: 403 },
    request: (ctx, scope) => ({ path: `/accounts/${ctx.targets[scope].invitedId}/invitation` }),
  },
  'POST /accounts/:id/disable': {
    access: 'authenticated',
    anonymous: 401,
    roles: { secretariat: 'allowed', state_focal_point: stateScoped, state_contributor: 403, committee_expert: 403 },
    request: (ctx, scope) => ({ path: `/accounts/${ctx.targets[scope].contributorId}/disable` }),
  },
  'POST /accounts/:id/enable': {
    access: 'authenticated',
    anonymous: 401,
    roles: { secretariat: 'allowed', state_focal_point: stateScoped, state_contributor: 403, committee_expert: 403 },
    request: (ctx, scope) => ({ path: `/accounts/${ctx.targets[scope].contributorId}/enable` }),
  },

  // States parties registry.
  'GET /states-parties': { access: 'authenticated', anonymous: 401, roles: everyone },
  'GET /states-parties/:code': { access: 'authenticated', anonymous: 401, roles: everyone, request: (ctx, scope) => ({ path: `/states-parties/${state(ctx, scope)}` }) },
  'PATCH /states-parties/:code': {
    access: 'authenticated',
    anonymous: 401,
    roles: secretariatOnly,
    request: (ctx, scope) => ({ path: `/states-parties/${state(ctx, scope)}`, body: { oasMembership: 'member' } }),
  },
  'GET /states-parties/:code/contacts': {
    access: 'authenticated',
    anonymous: 401,
    roles: { secretariat: 'allowed', state_focal_point: stateScoped, state_contributor: stateScoped, committee_expert: 403 },
    request: (ctx, scope) => ({ path: `/states-parties/${state(ctx, scope)}/contacts` }),
  },
  'POST /states-parties/:code/contacts': {
    access: 'authenticated',
    anonymous: 401,
    roles: secretariatOnly,
    request: (ctx, scope) => ({
      path: `/states-parties/${state(ctx, scope)}/contacts`,
      body: { kind: 'competent_national_authority', name: 'Ministry', email: `cna.${ctx.unique()}@example.test` },
    }),
  },
  'PATCH /states-parties/:code/contacts/:id': {
    access: 'authenticated',
    anonymous: 401,
    roles: secretariatOnly,
    request: (ctx, scope) => ({ path: `/states-parties/${state(ctx, scope)}/contacts/${ctx.targets[scope].contactId}`, body: { phone: '+1 202 555 0100' } }),
  },
  'DELETE /states-parties/:code/contacts/:id': {
    access: 'authenticated',
    anonymous: 401,
    roles: secretariatOnly,
    request: (ctx, scope) => ({ path: `/states-parties/${state(ctx, scope)}/contacts/${ctx.targets[scope].disposableContactId}` }),
  },

  // The secretariat's ledgers.
  'GET /audit-events': { access: 'authenticated', anonymous: 401, roles: secretariatOnly },
  'GET /outbox': { access: 'authenticated', anonymous: 401, roles: secretariatOnly },
};

export const MATRIX_ROLES: readonly Role[] = ['secretariat', 'state_focal_point', 'state_contributor', 'committee_expert'];

/** Concrete values for path parameters when no request builder is given. */
export function concretePath(url: string): string {
  return url.replace(/:[A-Za-z]+/g, '00000000-0000-4000-8000-000000000000').replace(/\*$/, 'index.html');
}
