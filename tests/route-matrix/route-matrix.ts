/**
 * The route matrix: every route the api serves, who may call it, and what each kind of caller
 * gets. The route-matrix suite fails when a served route has no entry here, when an entry names
 * a route that is not served, or when any caller gets something else than written here.
 *
 * Outcomes: 'allowed' = the request reaches the route's logic (any answer but 401/403/404/5xx);
 * a number = exactly that status. For roles bound to a state (and experts, through their
 * appointing state), `own` calls the route on the caller's state and `other` on another state.
 * Routes serving committee-only material also say what an expert gets on the state that
 * appointed her (`expertOnOwnState`), called as the Coordinator, who sees every other state's.
 */
import type { Role } from '@mesecvi/http';

export type Outcome = 'allowed' | 401 | 403 | 404;
export type Scoped = { own: Outcome; other: Outcome };

export interface MatrixContext {
  ownState: string;
  otherState: string;
  /** Accounts nobody signs in as, to be read or managed: an active contributor and an invited one per state. */
  targets: Record<
    'own' | 'other',
    {
      contributorId: string;
      invitedId: string;
      contactId: string;
      disposableContactId: string;
      evaluationId: string;
      extensionRequestId: string;
      attachmentId: string;
    }
  >;
  /** A round in planning, for the round routes. */
  roundId: string;
  /** An open ad-hoc deadline per state, for the deadline routes. */
  deadlines: Record<'own' | 'other', string>;
  /** Appointments fixtures: an active alternate and a proposal per state, a request to both states. */
  appointments: Record<'own' | 'other', { appointmentId: string; proposalId: string }>;
  appointmentRequestId: string;
  /** An open rapporteur assignment (of an expert of a third state) on the other state's evaluation. */
  rapporteurAssignmentId: string;
  /** A preliminary country report per state (on its matrix evaluation). */
  reports: Record<'own' | 'other', string>;
  /** An adopted recommendation per state (on its matrix evaluation, an evaluation round's). */
  recommendations: Record<'own' | 'other', string>;
  /** A follow-up evaluation per state asking about its recommendation, with the rapporteurs' proposal on it. */
  followUps: Record<'own' | 'other', string>;
  unique(): string;
}

export interface RouteRequest {
  path: string;
  /** A JSON body, or raw bytes (with their content-type in `headers`). */
  body?: object;
  headers?: Record<string, string>;
}

export interface RouteExpectation {
  access: 'public' | 'authenticated';
  /** Status an anonymous caller gets. */
  anonymous: number;
  /** Per role, for authenticated routes. */
  roles?: {
    secretariat: Outcome;
    state_focal_point: Outcome | Scoped;
    state_contributor: Outcome | Scoped;
    committee_expert: Outcome | Scoped;
  };
  /** The concrete request for a scope; without it, path parameters get placeholder values. */
  request?: (ctx: MatrixContext, scope: 'own' | 'other') => RouteRequest;
  /** For routes serving committee-only material: the "expert on own state" column. */
  expertOnOwnState?: ExpertOnOwnState;
}

/**
 * What an expert gets from a route serving committee-only material on the state she may never
 * evaluate (the one that appointed her), even as Coordinator. `committeeMaterial` picks that
 * material out of an answer: it must be empty for her, and present when she calls the same route
 * on another state (so the check cannot pass on an answer that holds none anyway).
 */
export interface ExpertOnOwnState {
  outcome: Outcome;
  /** Defaults to the route's own request builder. */
  request?: (ctx: MatrixContext, scope: 'own' | 'other') => RouteRequest;
  committeeMaterial?: (body: unknown) => unknown[];
}

const notOnOwnState: ExpertOnOwnState = { outcome: 404 };
const proposalsIn = (items: unknown): unknown[] =>
  Array.isArray(items) ? items.map((i: { proposal?: unknown }) => i.proposal ?? null).filter((p) => p !== null) : [];

const secretariatOnly = {
  secretariat: 'allowed',
  state_focal_point: 403,
  state_contributor: 403,
  committee_expert: 403,
} as const;
const everyone = {
  secretariat: 'allowed',
  state_focal_point: 'allowed',
  state_contributor: 'allowed',
  committee_expert: 'allowed',
} as const;
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
  // The web app's shell (index.html) on the app's own paths, and its hashed files; each is public.
  'GET /': { access: 'public', anonymous: 200 },
  'GET /sign-in': { access: 'public', anonymous: 200 },
  'GET /app': { access: 'public', anonymous: 200 },
  'GET /app/*': { access: 'public', anonymous: 200 },
  'GET /publications': { access: 'public', anonymous: 200 },
  'GET /publications/*': { access: 'public', anonymous: 200 },
  // A hashed file that does not exist is a problem+json 404 (tests/e2e/web-app serves the real ones).
  'GET /app/assets/*': { access: 'public', anonymous: 404 },

  // Authentication (public by nature; an empty body is a 422).
  'POST /auth/login': { access: 'public', anonymous: 422 },
  'POST /auth/refresh': { access: 'public', anonymous: 422 },
  'POST /auth/password-reset': { access: 'public', anonymous: 422 },
  'POST /auth/logout': { access: 'authenticated', anonymous: 401, roles: everyone },
  // The browser session, authenticated by its cookie: without the X-Mesecvi-Session header, 403.
  'POST /auth/session': { access: 'public', anonymous: 403 },
  'POST /auth/session/refresh': { access: 'public', anonymous: 403 },
  'POST /auth/session/end': { access: 'public', anonymous: 403 },
  // The web app's error reports: anyone may send one (an empty body is a 422).
  'POST /client-errors': { access: 'public', anonymous: 422 },

  // Pages opened from e-mails: an unknown link is 410 Gone, an unknown page kind 404.
  'GET /account/:kind/:token': {
    access: 'public',
    anonymous: 410,
    request: () => ({ path: '/account/invitation/not-a-real-token-0123456789abcdef' }),
  },
  'POST /account/:kind/:token': {
    access: 'public',
    anonymous: 410,
    request: () => ({ path: '/account/password-reset/not-a-real-token-0123456789abcdef', body: {} }),
  },
  // Linked from the mails a permanent mission receives while its state has no focal point.
  'GET /focal-point': { access: 'public', anonymous: 200 },

  // Accounts.
  'GET /me': { access: 'authenticated', anonymous: 401, roles: everyone },
  'PATCH /me': {
    access: 'authenticated',
    anonymous: 401,
    roles: everyone,
    request: () => ({ path: '/me', body: { preferredLanguage: null } }),
  },
  'GET /accounts': {
    access: 'authenticated',
    anonymous: 401,
    roles: {
      secretariat: 'allowed',
      state_focal_point: 'allowed',
      state_contributor: 'allowed',
      committee_expert: 403,
    },
  },
  'GET /accounts/:id': {
    access: 'authenticated',
    anonymous: 401,
    roles: {
      secretariat: 'allowed',
      state_focal_point: stateScoped,
      state_contributor: stateScoped,
      committee_expert: { own: 404, other: 404 },
    },
    request: (ctx, scope) => ({ path: `/accounts/${ctx.targets[scope].contributorId}` }),
  },
  'POST /accounts/invitations': {
    access: 'authenticated',
    anonymous: 401,
    roles: { secretariat: 'allowed', state_focal_point: stateScoped, state_contributor: 403, committee_expert: 403 },
    request: (ctx, scope) => ({
      path: '/accounts/invitations',
      body: {
        email: `invitee.${ctx.unique()}@example.test`,
        name: 'Invitee',
        role: 'state_contributor',
        stateCode: state(ctx, scope),
      },
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
  'GET /states-parties/:code': {
    access: 'authenticated',
    anonymous: 401,
    roles: everyone,
    request: (ctx, scope) => ({ path: `/states-parties/${state(ctx, scope)}` }),
  },
  'PATCH /states-parties/:code': {
    access: 'authenticated',
    anonymous: 401,
    roles: secretariatOnly,
    request: (ctx, scope) => ({ path: `/states-parties/${state(ctx, scope)}`, body: { oasMembership: 'member' } }),
  },
  'GET /states-parties/:code/contacts': {
    access: 'authenticated',
    anonymous: 401,
    roles: {
      secretariat: 'allowed',
      state_focal_point: stateScoped,
      state_contributor: stateScoped,
      committee_expert: 403,
    },
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
    request: (ctx, scope) => ({
      path: `/states-parties/${state(ctx, scope)}/contacts/${ctx.targets[scope].contactId}`,
      body: { phone: '+1 202 555 0100' },
    }),
  },
  'DELETE /states-parties/:code/contacts/:id': {
    access: 'authenticated',
    anonymous: 401,
    roles: secretariatOnly,
    request: (ctx, scope) => ({
      path: `/states-parties/${state(ctx, scope)}/contacts/${ctx.targets[scope].disposableContactId}`,
    }),
  },

  // Questionnaire versions: the file ones are everyone's (version 1 is registered on first use).
  'GET /questionnaires/:key/versions/:version': {
    access: 'authenticated',
    anonymous: 401,
    roles: everyone,
    request: () => ({ path: '/questionnaires/evaluation-round/versions/1?lang=fr' }),
  },

  // Rounds.
  'GET /rounds': { access: 'authenticated', anonymous: 401, roles: everyone },
  'GET /rounds/:id': {
    access: 'authenticated',
    anonymous: 401,
    roles: everyone,
    request: (ctx) => ({ path: `/rounds/${ctx.roundId}` }),
  },
  'POST /rounds': {
    access: 'authenticated',
    anonymous: 401,
    roles: secretariatOnly,
    request: (ctx) => ({
      path: '/rounds',
      body: { kind: 'evaluation', name: `Matrix round ${ctx.unique()}`, number: 100 + Math.floor(Math.random() * 800) },
    }),
  },
  'PATCH /rounds/:id': {
    access: 'authenticated',
    anonymous: 401,
    roles: secretariatOnly,
    request: (ctx) => ({ path: `/rounds/${ctx.roundId}`, body: { observationsDays: 30 } }),
  },
  'POST /rounds/:id/phase': {
    access: 'authenticated',
    anonymous: 401,
    roles: secretariatOnly,
    // Refused by the phase machine (409) for the secretariat: still "allowed" past authorization.
    request: (ctx) => ({ path: `/rounds/${ctx.roundId}/phase`, body: { to: 'closed' } }),
  },

  // Deadlines and reminders. Moves, completion and cancellation that the deadline's state refuses
  // (409, e.g. already completed) still count as "allowed": authorization let them through.
  'GET /deadlines': {
    access: 'authenticated',
    anonymous: 401,
    roles: {
      secretariat: 'allowed',
      state_focal_point: 'allowed',
      state_contributor: 'allowed',
      committee_expert: 403,
    },
  },
  'POST /deadlines': {
    access: 'authenticated',
    anonymous: 401,
    roles: secretariatOnly,
    request: (ctx, scope) => ({
      path: '/deadlines',
      body: { title: `Matrix request ${ctx.unique()}`, dueDate: '2031-01-15', stateCodes: [state(ctx, scope)] },
    }),
  },
  'GET /deadlines/:id': {
    access: 'authenticated',
    anonymous: 401,
    roles: {
      secretariat: 'allowed',
      state_focal_point: stateScoped,
      state_contributor: stateScoped,
      committee_expert: 403,
    },
    request: (ctx, scope) => ({ path: `/deadlines/${ctx.deadlines[scope]}` }),
  },
  'POST /deadlines/:id/move': {
    access: 'authenticated',
    anonymous: 401,
    roles: secretariatOnly,
    request: (ctx, scope) => ({
      path: `/deadlines/${ctx.deadlines[scope]}/move`,
      body: {
        dueDate: `2031-02-${String(1 + Math.floor(Math.random() * 28)).padStart(2, '0')}`,
        reason: 'Matrix extension',
      },
    }),
  },
  'POST /deadlines/:id/complete': {
    access: 'authenticated',
    anonymous: 401,
    roles: secretariatOnly,
    request: (ctx, scope) => ({ path: `/deadlines/${ctx.deadlines[scope]}/complete`, body: {} }),
  },
  'POST /deadlines/:id/cancel': {
    access: 'authenticated',
    anonymous: 401,
    roles: secretariatOnly,
    request: (ctx, scope) => ({
      path: `/deadlines/${ctx.deadlines[scope]}/cancel`,
      body: { reason: 'Matrix cancellation' },
    }),
  },
  'GET /deadlines/:id/reminders': {
    access: 'authenticated',
    anonymous: 401,
    roles: secretariatOnly,
    request: (ctx, scope) => ({ path: `/deadlines/${ctx.deadlines[scope]}/reminders` }),
  },
  'GET /reminder-ladders': { access: 'authenticated', anonymous: 401, roles: secretariatOnly },
  'GET /reminder-ladders/:kind': {
    access: 'authenticated',
    anonymous: 401,
    roles: secretariatOnly,
    request: () => ({ path: '/reminder-ladders/ad_hoc' }),
  },
  'PUT /reminder-ladders/:kind': {
    access: 'authenticated',
    anonymous: 401,
    roles: secretariatOnly,
    request: () => ({
      path: '/reminder-ladders/follow_up',
      body: { rules: [{ offsetDays: -7, recipientRoles: ['focal_point'], template: 'deadline_reminder' }] },
    }),
  },
  // Served in demo and test modes only (the matrix runs in test mode).
  'POST /demo/clock': {
    access: 'authenticated',
    anonymous: 401,
    roles: secretariatOnly,
    request: () => ({ path: '/demo/clock', body: { minutes: 1 } }),
  },

  // Appointments and the Committee of Experts. Refusals by the rules (409/422, e.g. ending an
  // appointment already ended) still count as "allowed": authorization let them through.
  'POST /appointments': {
    access: 'authenticated',
    anonymous: 401,
    roles: secretariatOnly,
    request: (ctx, scope) => ({
      path: '/appointments',
      body: {
        stateCode: state(ctx, scope),
        kind: 'titular',
        person: { name: 'Matrix Expert', email: `expert.${ctx.unique()}@example.test` },
        noteReference: 'Matrix note',
        notifiedOn: '2026-01-10',
        termStart: '2026-01-15',
      },
    }),
  },
  'GET /appointments/:id': {
    access: 'authenticated',
    anonymous: 401,
    roles: { secretariat: 'allowed', state_focal_point: stateScoped, state_contributor: 403, committee_expert: 403 },
    request: (ctx, scope) => ({ path: `/appointments/${ctx.appointments[scope].appointmentId}` }),
  },
  'POST /appointments/:id/end': {
    access: 'authenticated',
    anonymous: 401,
    roles: secretariatOnly,
    request: (ctx, scope) => ({
      path: `/appointments/${ctx.appointments[scope].appointmentId}/end`,
      body: { endDate: '2031-12-31' },
    }),
  },
  'POST /appointments/:id/withdraw': {
    access: 'authenticated',
    anonymous: 401,
    roles: secretariatOnly,
    request: (ctx, scope) => ({ path: `/appointments/${ctx.appointments[scope].appointmentId}/withdraw` }),
  },
  'GET /states-parties/:code/appointments': {
    access: 'authenticated',
    anonymous: 401,
    roles: { secretariat: 'allowed', state_focal_point: stateScoped, state_contributor: 403, committee_expert: 403 },
    request: (ctx, scope) => ({ path: `/states-parties/${state(ctx, scope)}/appointments` }),
  },
  'GET /states-parties/:code/appointment-proposals': {
    access: 'authenticated',
    anonymous: 401,
    roles: { secretariat: 'allowed', state_focal_point: stateScoped, state_contributor: 403, committee_expert: 403 },
    request: (ctx, scope) => ({ path: `/states-parties/${state(ctx, scope)}/appointment-proposals` }),
  },
  'POST /states-parties/:code/appointment-proposals': {
    access: 'authenticated',
    anonymous: 401,
    roles: { secretariat: 'allowed', state_focal_point: stateScoped, state_contributor: 403, committee_expert: 403 },
    request: (ctx, scope) => ({
      path: `/states-parties/${state(ctx, scope)}/appointment-proposals`,
      body: {
        kind: 'alternate',
        person: { name: 'Nominee', email: `nominee.${ctx.unique()}@example.test` },
        noteReference: 'Matrix note',
      },
    }),
  },
  'POST /appointment-proposals/:id/reject': {
    access: 'authenticated',
    anonymous: 401,
    roles: secretariatOnly,
    request: (ctx, scope) => ({ path: `/appointment-proposals/${ctx.appointments[scope].proposalId}/reject` }),
  },
  'POST /appointment-requests': {
    access: 'authenticated',
    anonymous: 401,
    roles: secretariatOnly,
    request: (ctx, scope) => ({
      path: '/appointment-requests',
      body: { stateCodes: [state(ctx, scope)], kinds: ['alternate'], replyDate: '2031-01-31' },
    }),
  },
  'GET /appointment-requests': { access: 'authenticated', anonymous: 401, roles: secretariatOnly },
  'GET /appointment-requests/:id': {
    access: 'authenticated',
    anonymous: 401,
    roles: secretariatOnly,
    request: (ctx) => ({ path: `/appointment-requests/${ctx.appointmentRequestId}` }),
  },
  'POST /appointment-requests/:id/resend': {
    access: 'authenticated',
    anonymous: 401,
    roles: secretariatOnly,
    request: (ctx, scope) => ({
      path: `/appointment-requests/${ctx.appointmentRequestId}/resend`,
      body: { stateCodes: [state(ctx, scope)] },
    }),
  },
  'POST /appointment-requests/:id/states/:code/decline': {
    access: 'authenticated',
    anonymous: 401,
    roles: secretariatOnly,
    request: (ctx, scope) => ({
      path: `/appointment-requests/${ctx.appointmentRequestId}/states/${state(ctx, scope)}/decline`,
      body: {},
    }),
  },
  'GET /committee/roster': {
    access: 'authenticated',
    anonymous: 401,
    roles: { secretariat: 'allowed', state_focal_point: 403, state_contributor: 403, committee_expert: 'allowed' },
  },
  'GET /committee/roster.csv': {
    access: 'authenticated',
    anonymous: 401,
    roles: { secretariat: 'allowed', state_focal_point: 403, state_contributor: 403, committee_expert: 'allowed' },
  },
  'GET /committee/pending': { access: 'authenticated', anonymous: 401, roles: secretariatOnly },
  'GET /committee/officers': {
    access: 'authenticated',
    anonymous: 401,
    roles: { secretariat: 'allowed', state_focal_point: 403, state_contributor: 403, committee_expert: 'allowed' },
  },
  'POST /committee/officers': {
    access: 'authenticated',
    anonymous: 401,
    roles: secretariatOnly,
    // The fixture is an alternate: refused by the rule (409), past authorization.
    request: (ctx, scope) => ({
      path: '/committee/officers',
      body: {
        office: 'coordinator',
        appointmentId: ctx.appointments[scope].appointmentId,
        method: 'consensus',
        termStart: '2026-06-01',
      },
    }),
  },
  'GET /committee/conflicts': {
    access: 'authenticated',
    anonymous: 401,
    roles: { secretariat: 'allowed', state_focal_point: 403, state_contributor: 403, committee_expert: 'allowed' },
  },
  'POST /committee/conflicts': {
    access: 'authenticated',
    anonymous: 401,
    // The secretariat must name an expert (422 here); an expert declares for themselves.
    roles: { secretariat: 'allowed', state_focal_point: 403, state_contributor: 403, committee_expert: 'allowed' },
    request: (ctx, scope) => ({
      path: '/committee/conflicts',
      body: { stateCode: state(ctx, scope), reason: 'Matrix conflict' },
    }),
  },

  'POST /rounds/:id/distribution': {
    access: 'authenticated',
    anonymous: 401,
    roles: secretariatOnly,
    // The matrix round is in planning: the secretariat gets the phase rule's 409.
    request: (ctx) => ({ path: `/rounds/${ctx.roundId}/distribution`, body: {} }),
  },
  'GET /rounds/:id/evaluations': {
    access: 'authenticated',
    anonymous: 401,
    roles: everyone,
    request: (ctx) => ({ path: `/rounds/${ctx.roundId}/evaluations` }),
  },

  // State evaluations, extension requests.
  'GET /evaluations/:id': {
    access: 'authenticated',
    anonymous: 401,
    roles: {
      secretariat: 'allowed',
      state_focal_point: stateScoped,
      state_contributor: stateScoped,
      committee_expert: 403,
    },
    request: (ctx, scope) => ({ path: `/evaluations/${ctx.targets[scope].evaluationId}` }),
  },
  'GET /evaluations/:id/questionnaire': {
    access: 'authenticated',
    anonymous: 401,
    roles: {
      secretariat: 'allowed',
      state_focal_point: stateScoped,
      state_contributor: stateScoped,
      committee_expert: 403,
    },
    request: (ctx, scope) => ({ path: `/evaluations/${ctx.targets[scope].evaluationId}/questionnaire` }),
  },
  'GET /evaluations/:id/extension-requests': {
    access: 'authenticated',
    anonymous: 401,
    roles: {
      secretariat: 'allowed',
      state_focal_point: stateScoped,
      state_contributor: stateScoped,
      committee_expert: 403,
    },
    request: (ctx, scope) => ({ path: `/evaluations/${ctx.targets[scope].evaluationId}/extension-requests` }),
  },
  'POST /evaluations/:id/extension-requests': {
    access: 'authenticated',
    anonymous: 401,
    roles: { secretariat: 403, state_focal_point: stateScoped, state_contributor: 403, committee_expert: 403 },
    request: (ctx, scope) => ({
      path: `/evaluations/${ctx.targets[scope].evaluationId}/extension-requests`,
      body: { requestedDate: '2099-12-31', justification: 'Matrix test: more time is needed for the statistics.' },
    }),
  },
  'POST /extension-requests/:id/decision': {
    access: 'authenticated',
    anonymous: 401,
    roles: secretariatOnly,
    request: (ctx, scope) => ({
      path: `/extension-requests/${ctx.targets[scope].extensionRequestId}/decision`,
      body: { approve: false, reason: 'Matrix test' },
    }),
  },

  // State-party submissions: drafts, submitting, versions, clarifications, evidence. The matrix
  // evaluation is `invited` with an empty draft and one submitted version (inserted directly):
  // writes without If-Match (428), a strict refusal (422) or a rule's 409 count as "allowed".
  'GET /evaluations/:id/draft': {
    access: 'authenticated',
    anonymous: 401,
    roles: {
      secretariat: 'allowed',
      state_focal_point: stateScoped,
      state_contributor: stateScoped,
      committee_expert: 403,
    },
    request: (ctx, scope) => ({ path: `/evaluations/${ctx.targets[scope].evaluationId}/draft` }),
  },
  'PUT /evaluations/:id/draft': {
    access: 'authenticated',
    anonymous: 401,
    roles: {
      secretariat: 'allowed',
      state_focal_point: stateScoped,
      state_contributor: stateScoped,
      committee_expert: 403,
    },
    request: (ctx, scope) => ({ path: `/evaluations/${ctx.targets[scope].evaluationId}/draft`, body: {} }),
  },
  'PATCH /evaluations/:id/draft': {
    access: 'authenticated',
    anonymous: 401,
    roles: {
      secretariat: 'allowed',
      state_focal_point: stateScoped,
      state_contributor: stateScoped,
      committee_expert: 403,
    },
    request: (ctx, scope) => ({
      path: `/evaluations/${ctx.targets[scope].evaluationId}/draft`,
      body: { 'LEG-01': null },
      headers: { 'content-type': 'application/merge-patch+json' },
    }),
  },
  'POST /evaluations/:id/draft/carry-over': {
    access: 'authenticated',
    anonymous: 401,
    roles: {
      secretariat: 'allowed',
      state_focal_point: stateScoped,
      state_contributor: stateScoped,
      committee_expert: 403,
    },
    request: (ctx, scope) => ({ path: `/evaluations/${ctx.targets[scope].evaluationId}/draft/carry-over` }),
  },
  'POST /evaluations/:id/submissions': {
    access: 'authenticated',
    anonymous: 401,
    roles: { secretariat: 'allowed', state_focal_point: stateScoped, state_contributor: 403, committee_expert: 403 },
    request: (ctx, scope) => ({ path: `/evaluations/${ctx.targets[scope].evaluationId}/submissions`, body: {} }),
  },
  'GET /evaluations/:id/submissions': {
    access: 'authenticated',
    anonymous: 401,
    roles: {
      secretariat: 'allowed',
      state_focal_point: stateScoped,
      state_contributor: stateScoped,
      committee_expert: 403,
    },
    request: (ctx, scope) => ({ path: `/evaluations/${ctx.targets[scope].evaluationId}/submissions` }),
  },
  'GET /evaluations/:id/submissions/:version': {
    access: 'authenticated',
    anonymous: 401,
    roles: {
      secretariat: 'allowed',
      state_focal_point: stateScoped,
      state_contributor: stateScoped,
      committee_expert: 403,
    },
    request: (ctx, scope) => ({ path: `/evaluations/${ctx.targets[scope].evaluationId}/submissions/1` }),
  },
  'GET /evaluations/:id/submission-diff': {
    access: 'authenticated',
    anonymous: 401,
    roles: {
      secretariat: 'allowed',
      state_focal_point: stateScoped,
      state_contributor: stateScoped,
      // Review material: an expert not assigned is 404; the assigned rapporteur's 200 is in the review suites.
      committee_expert: 404,
    },
    request: (ctx, scope) => ({ path: `/evaluations/${ctx.targets[scope].evaluationId}/submission-diff?from=1&to=1` }),
    expertOnOwnState: notOnOwnState,
  },
  'POST /evaluations/:id/clarification-requests': {
    access: 'authenticated',
    anonymous: 401,
    roles: secretariatOnly,
    // The matrix evaluation is `invited`: the status machine refuses (409), past authorization.
    request: (ctx, scope) => ({
      path: `/evaluations/${ctx.targets[scope].evaluationId}/clarification-requests`,
      body: { message: 'Matrix clarification' },
    }),
  },
  'GET /evaluations/:id/clarification-requests': {
    access: 'authenticated',
    anonymous: 401,
    roles: {
      secretariat: 'allowed',
      state_focal_point: stateScoped,
      state_contributor: stateScoped,
      committee_expert: 403,
    },
    request: (ctx, scope) => ({ path: `/evaluations/${ctx.targets[scope].evaluationId}/clarification-requests` }),
  },
  'POST /evaluations/:id/attachments': {
    access: 'authenticated',
    anonymous: 401,
    roles: {
      secretariat: 'allowed',
      state_focal_point: stateScoped,
      state_contributor: stateScoped,
      committee_expert: 403,
    },
    request: (ctx, scope) => ({
      path: `/evaluations/${ctx.targets[scope].evaluationId}/attachments`,
      body: Buffer.from('%PDF-1.7\nmatrix\n'),
      headers: { 'content-type': 'application/octet-stream', 'x-filename': 'matrix.pdf' },
    }),
  },
  'GET /evaluations/:id/attachments': {
    access: 'authenticated',
    anonymous: 401,
    roles: {
      secretariat: 'allowed',
      state_focal_point: stateScoped,
      state_contributor: stateScoped,
      committee_expert: 403,
    },
    request: (ctx, scope) => ({ path: `/evaluations/${ctx.targets[scope].evaluationId}/attachments` }),
  },
  'GET /attachments/limits': {
    access: 'authenticated',
    anonymous: 401,
    roles: {
      secretariat: 'allowed',
      state_focal_point: 'allowed',
      state_contributor: 'allowed',
      committee_expert: 403,
    },
  },
  'GET /attachments/:id': {
    access: 'authenticated',
    anonymous: 401,
    roles: {
      secretariat: 'allowed',
      state_focal_point: stateScoped,
      state_contributor: stateScoped,
      committee_expert: 403,
    },
    request: (ctx, scope) => ({ path: `/attachments/${ctx.targets[scope].attachmentId}` }),
  },

  // Calendar feeds.
  'POST /me/calendar-feed': { access: 'authenticated', anonymous: 401, roles: everyone },
  'DELETE /me/calendar-feed': { access: 'authenticated', anonymous: 401, roles: everyone },
  'GET /calendar/:file': {
    access: 'public',
    anonymous: 404,
    request: () => ({ path: '/calendar/not-a-real-feed-token-0123456789.ics' }),
  },

  // Committee review: rapporteurs. The matrix expert holds no office and no assignment.
  'GET /evaluations/:id/rapporteurs': {
    access: 'authenticated',
    anonymous: 401,
    roles: { secretariat: 'allowed', state_focal_point: 403, state_contributor: 403, committee_expert: 404 },
    request: (ctx, scope) => ({ path: `/evaluations/${ctx.targets[scope].evaluationId}/rapporteurs` }),
    expertOnOwnState: notOnOwnState,
  },
  'POST /evaluations/:id/rapporteurs': {
    access: 'authenticated',
    anonymous: 401,
    // The matrix evaluations are not submitted: the secretariat gets a rule's 4xx past authorization.
    roles: { secretariat: 'allowed', state_focal_point: 403, state_contributor: 403, committee_expert: 403 },
    request: (ctx, scope) => ({
      path: `/evaluations/${ctx.targets[scope].evaluationId}/rapporteurs`,
      body: { expertUserIds: ['00000000-0000-4000-8000-000000000001'] },
    }),
  },
  'PUT /evaluations/:id/review-due-date': {
    access: 'authenticated',
    anonymous: 401,
    // The matrix evaluations are not submitted: the secretariat gets a rule's 409 past authorization.
    roles: secretariatOnly,
    request: (ctx, scope) => ({
      path: `/evaluations/${ctx.targets[scope].evaluationId}/review-due-date`,
      body: { dueDate: '2031-01-15' },
    }),
  },
  'POST /rapporteur-assignments/:id/withdrawal': {
    access: 'authenticated',
    anonymous: 401,
    roles: { secretariat: 'allowed', state_focal_point: 403, state_contributor: 403, committee_expert: 403 },
    request: (ctx) => ({ path: `/rapporteur-assignments/${ctx.rapporteurAssignmentId}/withdrawal` }),
  },
  'GET /rounds/:id/rapporteur-assignments': {
    access: 'authenticated',
    anonymous: 401,
    roles: { secretariat: 'allowed', state_focal_point: 403, state_contributor: 403, committee_expert: 'allowed' },
    request: (ctx) => ({ path: `/rounds/${ctx.roundId}/rapporteur-assignments` }),
  },
  'POST /rounds/:id/rapporteur-proposal': {
    access: 'authenticated',
    anonymous: 401,
    roles: secretariatOnly,
    request: (ctx) => ({ path: `/rounds/${ctx.roundId}/rapporteur-proposal`, body: { size: 2 } }),
  },
  'POST /rounds/:id/rapporteur-assignments': {
    access: 'authenticated',
    anonymous: 401,
    roles: secretariatOnly,
    request: (ctx, scope) => ({
      path: `/rounds/${ctx.roundId}/rapporteur-assignments`,
      body: {
        assignments: [
          { evaluationId: ctx.targets[scope].evaluationId, expertUserIds: ['00000000-0000-4000-8000-000000000001'] },
        ],
      },
    }),
  },

  // Committee review: material, comments, clarifications, completion. The matrix evaluations are
  // not under review: the secretariat's writes get a rule's 409 past authorization.
  'GET /evaluations/:id/review': {
    access: 'authenticated',
    anonymous: 401,
    roles: { secretariat: 'allowed', state_focal_point: 403, state_contributor: 403, committee_expert: 404 },
    request: (ctx, scope) => ({ path: `/evaluations/${ctx.targets[scope].evaluationId}/review` }),
    expertOnOwnState: notOnOwnState,
  },
  'GET /evaluations/:id/review/submissions/:version': {
    access: 'authenticated',
    anonymous: 401,
    roles: { secretariat: 'allowed', state_focal_point: 403, state_contributor: 403, committee_expert: 404 },
    request: (ctx, scope) => ({ path: `/evaluations/${ctx.targets[scope].evaluationId}/review/submissions/1` }),
    expertOnOwnState: notOnOwnState,
  },
  'GET /evaluations/:id/review/attachments/:attachmentId': {
    access: 'authenticated',
    anonymous: 401,
    roles: { secretariat: 'allowed', state_focal_point: 403, state_contributor: 403, committee_expert: 404 },
    request: (ctx, scope) => ({
      path: `/evaluations/${ctx.targets[scope].evaluationId}/review/attachments/${ctx.targets[scope].attachmentId}`,
    }),
    expertOnOwnState: notOnOwnState,
  },
  'GET /evaluations/:id/review/comments': {
    access: 'authenticated',
    anonymous: 401,
    roles: {
      secretariat: 'allowed',
      state_focal_point: stateScoped,
      state_contributor: stateScoped,
      committee_expert: 404,
    },
    request: (ctx, scope) => ({ path: `/evaluations/${ctx.targets[scope].evaluationId}/review/comments` }),
    expertOnOwnState: notOnOwnState,
  },
  'POST /evaluations/:id/review/comments': {
    access: 'authenticated',
    anonymous: 401,
    roles: {
      secretariat: 'allowed',
      state_focal_point: stateScoped,
      state_contributor: stateScoped,
      committee_expert: 404,
    },
    request: (ctx, scope) => ({
      path: `/evaluations/${ctx.targets[scope].evaluationId}/review/comments`,
      body: { body: 'Matrix comment' },
    }),
    expertOnOwnState: notOnOwnState,
  },
  'POST /review-comments/:id/resolution': {
    access: 'authenticated',
    anonymous: 401,
    roles: { secretariat: 404, state_focal_point: 403, state_contributor: 403, committee_expert: 404 },
  },
  'POST /evaluations/:id/review/clarification-requests': {
    access: 'authenticated',
    anonymous: 401,
    roles: { secretariat: 'allowed', state_focal_point: 403, state_contributor: 403, committee_expert: 404 },
    request: (ctx, scope) => ({
      path: `/evaluations/${ctx.targets[scope].evaluationId}/review/clarification-requests`,
      body: { message: 'Matrix question', dueDate: '2099-01-31' },
    }),
    expertOnOwnState: notOnOwnState,
  },
  'POST /evaluations/:id/review/completion': {
    access: 'authenticated',
    anonymous: 401,
    roles: { secretariat: 'allowed', state_focal_point: 403, state_contributor: 403, committee_expert: 404 },
    request: (ctx, scope) => ({ path: `/evaluations/${ctx.targets[scope].evaluationId}/review/completion` }),
    expertOnOwnState: notOnOwnState,
  },

  // Country reports (the matrix reports are preliminary; their evaluations are not): the
  // secretariat's writes stop at a precondition or rule past authorization.
  'POST /evaluations/:id/report': {
    access: 'authenticated',
    anonymous: 401,
    roles: { secretariat: 'allowed', state_focal_point: 403, state_contributor: 403, committee_expert: 404 },
    request: (ctx, scope) => ({ path: `/evaluations/${ctx.targets[scope].evaluationId}/report` }),
    expertOnOwnState: notOnOwnState,
  },
  'GET /evaluations/:id/report': {
    access: 'authenticated',
    anonymous: 401,
    roles: {
      secretariat: 'allowed',
      state_focal_point: stateScoped,
      state_contributor: stateScoped,
      committee_expert: 404,
    },
    request: (ctx, scope) => ({ path: `/evaluations/${ctx.targets[scope].evaluationId}/report` }),
    expertOnOwnState: notOnOwnState,
  },
  'GET /reports/:id': {
    access: 'authenticated',
    anonymous: 401,
    roles: {
      secretariat: 'allowed',
      state_focal_point: stateScoped,
      state_contributor: stateScoped,
      committee_expert: 404,
    },
    request: (ctx, scope) => ({ path: `/reports/${ctx.reports[scope]}` }),
    expertOnOwnState: notOnOwnState,
  },
  'PUT /reports/:id': {
    access: 'authenticated',
    anonymous: 401,
    roles: { secretariat: 'allowed', state_focal_point: 403, state_contributor: 403, committee_expert: 404 },
    request: (ctx, scope) => ({ path: `/reports/${ctx.reports[scope]}`, body: { sections: {}, recommendations: [] } }),
    expertOnOwnState: notOnOwnState,
  },
  'POST /reports/:id/preliminary': {
    access: 'authenticated',
    anonymous: 401,
    roles: secretariatOnly,
    request: (ctx, scope) => ({ path: `/reports/${ctx.reports[scope]}/preliminary` }),
  },
  'POST /reports/:id/observations': {
    access: 'authenticated',
    anonymous: 401,
    roles: { secretariat: 'allowed', state_focal_point: stateScoped, state_contributor: 403, committee_expert: 403 },
    request: (ctx, scope) => ({
      path: `/reports/${ctx.reports[scope]}/observations`,
      body: { general: 'Matrix observations' },
    }),
  },
  'POST /reports/:id/adoption': {
    access: 'authenticated',
    anonymous: 401,
    roles: secretariatOnly,
    request: (ctx, scope) => ({
      path: `/reports/${ctx.reports[scope]}/adoption`,
      body: { method: 'consensus', meeting: 'Matrix meeting', adoptedOn: '2027-01-01' },
    }),
  },
  'POST /reports/:id/corrigenda': {
    access: 'authenticated',
    anonymous: 401,
    roles: secretariatOnly,
    request: (ctx, scope) => ({
      path: `/reports/${ctx.reports[scope]}/corrigenda`,
      body: { reason: 'Matrix corrigendum', sections: { budget: 'x' } },
    }),
  },
  'POST /reports/:id/publication': {
    access: 'authenticated',
    anonymous: 401,
    roles: secretariatOnly,
    request: (ctx, scope) => ({ path: `/reports/${ctx.reports[scope]}/publication` }),
  },
  'GET /public/reports': { access: 'public', anonymous: 200 },
  // Only published reports exist here: the matrix ones are preliminary.
  'GET /public/reports/:id': {
    access: 'public',
    anonymous: 404,
    request: (ctx) => ({ path: `/public/reports/${ctx.reports.own}` }),
  },

  // Recommendations register and follow-up (libs/recommendations): everyone reads the register
  // (a state's people their own state's adopted recommendations only); the matrix evaluations are
  // an evaluation round's, so the follow-up routes stop at a rule's 409 past authorization.
  'GET /recommendations': { access: 'authenticated', anonymous: 401, roles: everyone },
  'GET /recommendations.csv': { access: 'authenticated', anonymous: 401, roles: everyone },
  'GET /recommendations.xlsx': { access: 'authenticated', anonymous: 401, roles: everyone },
  'GET /recommendations/rating-scale': { access: 'authenticated', anonymous: 401, roles: everyone },
  'GET /recommendations/:id': {
    access: 'authenticated',
    anonymous: 401,
    roles: {
      secretariat: 'allowed',
      state_focal_point: stateScoped,
      state_contributor: stateScoped,
      committee_expert: 'allowed',
    },
    request: (ctx, scope) => ({ path: `/recommendations/${ctx.recommendations[scope]}` }),
    // Everyone signed in reads the recommendation; the rapporteurs' proposals only review readers.
    expertOnOwnState: {
      outcome: 'allowed',
      committeeMaterial: (body) => proposalsIn((body as { history?: { ratings?: unknown } }).history?.ratings),
    },
  },
  'PUT /recommendations/:id/translations': {
    access: 'authenticated',
    anonymous: 401,
    roles: secretariatOnly,
    request: (ctx, scope) => ({
      path: `/recommendations/${ctx.recommendations[scope]}/translations`,
      body: { translations: { en: 'Matrix translation' } },
    }),
  },
  // The matrix round is an evaluation round in planning: 409 past authorization.
  'POST /rounds/:id/follow-up-questionnaires': {
    access: 'authenticated',
    anonymous: 401,
    roles: secretariatOnly,
    request: (ctx) => ({ path: `/rounds/${ctx.roundId}/follow-up-questionnaires` }),
  },
  'GET /evaluations/:id/follow-up': {
    access: 'authenticated',
    anonymous: 401,
    roles: {
      secretariat: 'allowed',
      state_focal_point: stateScoped,
      state_contributor: stateScoped,
      committee_expert: 404,
    },
    request: (ctx, scope) => ({ path: `/evaluations/${ctx.targets[scope].evaluationId}/follow-up` }),
    expertOnOwnState: {
      outcome: 404,
      request: (ctx, scope) => ({ path: `/evaluations/${ctx.followUps[scope]}/follow-up` }),
      committeeMaterial: (body) => proposalsIn((body as { items?: unknown }).items),
    },
  },
  // Only an assigned rapporteur proposes: the matrix expert is assigned to nothing (404).
  'POST /evaluations/:id/rating-proposals': {
    access: 'authenticated',
    anonymous: 401,
    roles: { secretariat: 403, state_focal_point: 403, state_contributor: 403, committee_expert: 404 },
    request: (ctx, scope) => ({
      path: `/evaluations/${ctx.targets[scope].evaluationId}/rating-proposals`,
      body: { recommendationId: ctx.recommendations[scope], value: 'complied', justification: 'Matrix' },
    }),
    expertOnOwnState: notOnOwnState,
  },
  'POST /evaluations/:id/ratings': {
    access: 'authenticated',
    anonymous: 401,
    roles: secretariatOnly,
    request: (ctx, scope) => ({
      path: `/evaluations/${ctx.targets[scope].evaluationId}/ratings`,
      body: { recommendationId: ctx.recommendations[scope], value: 'complied', justification: 'Matrix' },
    }),
  },

  // Hemispheric and annual reports (libs/mechanism-reports): the committee reads, the secretariat
  // adopts and publishes (the matrix round is in planning: adoption is a 409 past authorization).
  'GET /rounds/:id/hemispheric-report': {
    access: 'authenticated',
    anonymous: 401,
    roles: { secretariat: 'allowed', state_focal_point: 403, state_contributor: 403, committee_expert: 'allowed' },
    request: (ctx) => ({ path: `/rounds/${ctx.roundId}/hemispheric-report` }),
  },
  'POST /rounds/:id/hemispheric-report/adoption': {
    access: 'authenticated',
    anonymous: 401,
    roles: secretariatOnly,
    request: (ctx) => ({
      path: `/rounds/${ctx.roundId}/hemispheric-report/adoption`,
      body: { method: 'consensus', meeting: 'Matrix meeting', adoptedOn: '2027-01-01' },
    }),
  },
  'POST /rounds/:id/hemispheric-report/publication': {
    access: 'authenticated',
    anonymous: 401,
    roles: secretariatOnly,
    request: (ctx) => ({ path: `/rounds/${ctx.roundId}/hemispheric-report/publication` }),
  },
  'GET /public/hemispheric-reports': { access: 'public', anonymous: 200 },
  // Only published hemispheric reports exist here.
  'GET /public/hemispheric-reports/:id': { access: 'public', anonymous: 404 },
  'GET /annual-reports/:year': {
    access: 'authenticated',
    anonymous: 401,
    roles: { secretariat: 'allowed', state_focal_point: 403, state_contributor: 403, committee_expert: 'allowed' },
    request: () => ({ path: '/annual-reports/2026' }),
  },

  // bull-board, for the secretariat (a browser page: the session route turns the token into a cookie).
  'GET /operations/queues-ui': { access: 'authenticated', anonymous: 401, roles: secretariatOnly },
  'POST /operations/queues-ui/session': { access: 'authenticated', anonymous: 401, roles: secretariatOnly },

  // The secretariat's ledgers.
  'GET /audit-events': { access: 'authenticated', anonymous: 401, roles: secretariatOnly },
  'GET /outbox': { access: 'authenticated', anonymous: 401, roles: secretariatOnly },

  // Compliance view (libs/compliance): the committee reads the round dashboard; a state's people read their own history.
  'GET /rounds/:id/compliance': {
    access: 'authenticated',
    anonymous: 401,
    roles: { secretariat: 'allowed', state_focal_point: 403, state_contributor: 403, committee_expert: 'allowed' },
    request: (ctx) => ({ path: `/rounds/${ctx.roundId}/compliance` }),
  },
  'GET /rounds/:id/compliance.csv': {
    access: 'authenticated',
    anonymous: 401,
    roles: { secretariat: 'allowed', state_focal_point: 403, state_contributor: 403, committee_expert: 'allowed' },
    request: (ctx) => ({ path: `/rounds/${ctx.roundId}/compliance.csv` }),
  },
  'GET /rounds/:id/compliance.xlsx': {
    access: 'authenticated',
    anonymous: 401,
    roles: { secretariat: 'allowed', state_focal_point: 403, state_contributor: 403, committee_expert: 'allowed' },
    request: (ctx) => ({ path: `/rounds/${ctx.roundId}/compliance.xlsx` }),
  },
  'GET /states-parties/:code/compliance-history': {
    access: 'authenticated',
    anonymous: 401,
    roles: {
      secretariat: 'allowed',
      state_focal_point: stateScoped,
      state_contributor: stateScoped,
      committee_expert: 'allowed',
    },
    request: (ctx, scope) => ({ path: `/states-parties/${state(ctx, scope)}/compliance-history` }),
  },
  'GET /states-parties/:code/notifications': {
    access: 'authenticated',
    anonymous: 401,
    roles: { secretariat: 'allowed', state_focal_point: stateScoped, state_contributor: 403, committee_expert: 403 },
    request: (ctx, scope) => ({ path: `/states-parties/${state(ctx, scope)}/notifications` }),
  },
  'GET /outbox.csv': { access: 'authenticated', anonymous: 401, roles: secretariatOnly },
  'GET /operations/queues': { access: 'authenticated', anonymous: 401, roles: secretariatOnly },
};

/**
 * Routes a plugin serves under a prefix (bull-board's page, assets and JSON API, dozens of them):
 * each is covered by its prefix's rule. The two routes a person uses are also listed above by name.
 */
export const PREFIX_RULES: ReadonlyArray<{ prefix: string; entry: RouteExpectation }> = [
  { prefix: '/operations/queues-ui', entry: { access: 'authenticated', anonymous: 401 } },
];

/** The matrix entry of a served route: its own, else its prefix's. */
export function entryFor(key: string): RouteExpectation | undefined {
  if (ROUTE_MATRIX[key]) return ROUTE_MATRIX[key];
  const url = key.split(' ')[1] ?? '';
  return PREFIX_RULES.find((rule) => url === rule.prefix || url.startsWith(`${rule.prefix}/`))?.entry;
}

export const MATRIX_ROLES: readonly Role[] = [
  'secretariat',
  'state_focal_point',
  'state_contributor',
  'committee_expert',
];

/** Concrete values for path parameters when no request builder is given. */
export function concretePath(url: string): string {
  return url.replace(/:[A-Za-z]+/g, '00000000-0000-4000-8000-000000000000').replace(/\*$/, 'index.html');
}
