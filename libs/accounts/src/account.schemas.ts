import { Type, type Static } from '@sinclair/typebox';
import { Closed, DateTime, LANGUAGES, Nullable, ROLES, StringEnum } from '@mesecvi/http';
import { ACCOUNT_STATUSES } from './user-account.entity';

/**
 * The shapes the accounts lib takes and gives, written once as TypeBox schemas: each is the
 * service's TypeScript type, the api's validator and the OpenAPI schema of the routes that use it.
 */

/** An account as every route answers it. */
export const AccountViewSchema = Closed({
  id: Type.String({ format: 'uuid', example: '6f1c1c8e-7d0a-4d57-9a51-1f2f0c3b9a10' }),
  email: Type.String({ example: 'punto.focal@mujeres.gob.ar' }),
  name: Type.String({ example: 'María Pérez' }),
  role: StringEnum(ROLES, { example: 'state_focal_point' }),
  stateCode: Nullable(Type.String({ example: 'ARG', description: 'The state party of a state role; null otherwise' })),
  status: StringEnum(ACCOUNT_STATUSES, { example: 'active' }),
  preferredLanguage: Nullable(StringEnum(LANGUAGES, { example: 'es' })),
  language: StringEnum(LANGUAGES, {
    example: 'es',
    description: "The language mails and pages use: preferred, else the state's working language, else English",
  }),
  createdAt: DateTime({ example: '2026-11-23T14:00:00.000Z' }),
});
export type AccountView = Static<typeof AccountViewSchema>;

/** What signing in or refreshing answers. */
export const TokenPairSchema = Closed({
  tokenType: Type.Literal('Bearer'),
  accessToken: Type.String({
    description: 'A JWT for the Authorization header',
    example: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9…',
  }),
  expiresIn: Type.Integer({ minimum: 1, description: 'Seconds the access token stays valid', example: 900 }),
  refreshToken: Type.String({ description: 'Single use: a refresh answers a new pair', example: 'kq3v0i1m…' }),
});
export type TokenPair = Static<typeof TokenPairSchema>;

/**
 * What a browser session's sign-in or refresh answers: the access token (kept in memory by the
 * app) and the account; the refresh token travels only in its HttpOnly cookie.
 */
export const BrowserSessionSchema = Closed({
  accessToken: Type.String({
    description: 'A JWT for the Authorization header',
    example: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9…',
  }),
  accessTokenExpiresAt: DateTime({
    description: 'When the access token stops working (refresh a little before)',
    example: '2026-11-23T14:15:00.000Z',
  }),
  account: AccountViewSchema,
});
export type BrowserSession = Static<typeof BrowserSessionSchema>;

/** The changes a signed-in person may make to their own account (`PATCH /me`): at least one. */
export const OwnAccountChangesSchema = Closed(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200, example: 'María Pérez' })),
    preferredLanguage: Type.Optional(
      Nullable(StringEnum(LANGUAGES, { example: 'es', description: 'null follows the state party’s language' })),
    ),
  },
  { minProperties: 1 },
);
export type OwnAccountChanges = Static<typeof OwnAccountChangesSchema>;

/** An invitation (`POST /accounts/invitations`): the person, their role and, for a state role, the state. */
export const InvitationSchema = Closed({
  email: Type.String({ format: 'email', maxLength: 320, example: 'punto.focal@mujeres.gob.ar' }),
  name: Type.String({ minLength: 1, maxLength: 200, example: 'María Pérez' }),
  role: StringEnum(ROLES, { example: 'state_focal_point' }),
  stateCode: Type.Optional(Nullable(Type.String({ pattern: '^[A-Za-z]{3}$', example: 'ARG' }))),
  preferredLanguage: Type.Optional(Nullable(StringEnum(LANGUAGES, { example: 'es' }))),
  replacesUserId: Type.Optional(
    Type.String({
      format: 'uuid',
      description: 'When inviting a focal point for a state that has one: the account being replaced',
    }),
  ),
});
export type InvitationInput = Static<typeof InvitationSchema>;

/** The filters of `GET /accounts`. */
export const AccountFilterSchema = Closed({
  role: Type.Optional(StringEnum(ROLES)),
  stateCode: Type.Optional(Type.String({ pattern: '^[A-Za-z]{3}$' })),
  status: Type.Optional(StringEnum(ACCOUNT_STATUSES)),
});
export type AccountFilter = Static<typeof AccountFilterSchema>;

/** A list of accounts. */
export const AccountListSchema = Type.Array(AccountViewSchema);
