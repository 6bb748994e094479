import { Type } from '@sinclair/typebox';
import { LANGUAGES } from '@mesecvi/http';
import { CONTACT_KINDS, OAS_MEMBERSHIP, type StateContactInput, type StatePartyChanges } from '@mesecvi/states';

export const statePartyChangesSchema = Type.Unsafe<StatePartyChangesBody>({
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: {
    ratificationDate: { type: ['string', 'null'], format: 'date', example: '1996-07-05' },
    workingLanguage: { type: 'string', enum: [...LANGUAGES] },
    oasMembership: { type: 'string', enum: [...OAS_MEMBERSHIP] },
  },
});
export type StatePartyChangesBody = StatePartyChanges;

const contactProperties = {
  kind: { type: 'string', enum: [...CONTACT_KINDS], example: 'permanent_mission' },
  name: { type: 'string', minLength: 1, maxLength: 300, example: 'Permanent Mission of Argentina to the OAS' },
  email: { type: 'string', format: 'email', maxLength: 320, example: 'misionoea@mrecic.gov.ar' },
  phone: { type: ['string', 'null'], maxLength: 60 },
  postalAddress: { type: ['string', 'null'], maxLength: 1000 },
};
export const contactSchema = Type.Unsafe<ContactBody>({
  type: 'object',
  additionalProperties: false,
  required: ['kind', 'name', 'email'],
  properties: contactProperties,
});
export const contactChangesSchema = Type.Unsafe<Partial<ContactBody>>({
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: contactProperties,
});
export type ContactBody = StateContactInput;

export const statePartyExample = {
  code: 'HTI',
  name: { en: 'Haiti', es: 'Haití', fr: 'Haïti', pt: 'Haiti' },
  workingLanguage: 'fr',
  oasMembership: 'member',
  ratificationDate: null,
  version: 1,
};
export const contactExample = {
  id: '0b8d7c57-5f3e-4c1e-9b7e-2f8f5d0e6a11',
  stateCode: 'HTI',
  kind: 'permanent_mission',
  name: "Mission permanente d'Haïti près l'OEA",
  email: 'mission.haiti@example.org',
  phone: null,
  postalAddress: null,
  updatedAt: '2026-11-23T14:00:00.000Z',
};
