import { Type, type Static } from '@sinclair/typebox';
import { Closed, DateTime, LANGUAGES, Nullable, StringEnum } from '@mesecvi/http';
import { CONTACT_KINDS } from './state-contact.entity';
import { OAS_MEMBERSHIP } from './state-party.entity';

/**
 * The shapes the states lib takes and gives, written once as TypeBox schemas: each is the
 * service's TypeScript type, the api's validator and the OpenAPI schema of the routes that use it.
 */

const StateCode = Type.String({ pattern: '^[A-Z]{3}$', example: 'HTI' });

/** A state party as every route answers it; `version` is its ETag. */
export const StatePartyViewSchema = Closed({
  code: StateCode,
  name: Closed(
    {
      en: Type.String({ example: 'Haiti' }),
      es: Type.String({ example: 'Haití' }),
      fr: Type.String({ example: 'Haïti' }),
      pt: Type.String({ example: 'Haiti' }),
    },
    { description: 'The name in each of the four languages' },
  ),
  workingLanguage: StringEnum(LANGUAGES, { example: 'fr' }),
  oasMembership: StringEnum(OAS_MEMBERSHIP, { example: 'member' }),
  ratificationDate: Nullable(Type.String({ format: 'date', example: '1997-04-07' })),
  version: Type.Integer({ minimum: 1, example: 1 }),
});
export type StatePartyView = Static<typeof StatePartyViewSchema>;
export const StatePartyListSchema = Type.Array(StatePartyViewSchema);

/** What the secretariat may change of a state party: at least one field. */
export const StatePartyChangesSchema = Closed(
  {
    ratificationDate: Type.Optional(Nullable(Type.String({ format: 'date', example: '1996-07-05' }))),
    workingLanguage: Type.Optional(StringEnum(LANGUAGES)),
    oasMembership: Type.Optional(StringEnum(OAS_MEMBERSHIP)),
  },
  { minProperties: 1 },
);
export type StatePartyChanges = Static<typeof StatePartyChangesSchema>;

const contactFields = {
  kind: StringEnum(CONTACT_KINDS, { example: 'permanent_mission' }),
  name: Type.String({ minLength: 1, maxLength: 300, example: 'Permanent Mission of Argentina to the OAS' }),
  email: Type.String({ format: 'email', maxLength: 320, example: 'misionoea@mrecic.gov.ar' }),
};

/** A new official contact of a state. */
export const StateContactInputSchema = Closed({
  ...contactFields,
  phone: Type.Optional(Nullable(Type.String({ maxLength: 60 }))),
  postalAddress: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))),
});
export type StateContactInput = Static<typeof StateContactInputSchema>;

/** Changes to a contact: any of its fields, at least one. */
export const StateContactChangesSchema = Type.Partial(StateContactInputSchema, { minProperties: 1 });
export type StateContactChanges = Static<typeof StateContactChangesSchema>;

/** A state's official contact (permanent mission, competent national authority). */
export const StateContactViewSchema = Closed({
  id: Type.String({ format: 'uuid', example: '0b8d7c57-5f3e-4c1e-9b7e-2f8f5d0e6a11' }),
  stateCode: StateCode,
  kind: StringEnum(CONTACT_KINDS, { example: 'permanent_mission' }),
  name: Type.String({ example: 'Permanent Mission of Argentina to the OAS' }),
  email: Type.String({ example: 'misionoea@mrecic.gov.ar' }),
  phone: Nullable(Type.String()),
  postalAddress: Nullable(Type.String()),
  updatedAt: DateTime({ example: '2026-11-23T14:00:00.000Z' }),
});
export type StateContactView = Static<typeof StateContactViewSchema>;
export const StateContactListSchema = Type.Array(StateContactViewSchema);
