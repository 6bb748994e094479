import { Type } from '@sinclair/typebox';
import { LANGUAGES, ROLES, type Role } from '@mesecvi/http';
import type { InvitationInput } from '@mesecvi/accounts';

export const invitationSchema = Type.Unsafe<InvitationBody>({
  type: 'object',
  additionalProperties: false,
  required: ['email', 'name', 'role'],
  properties: {
    email: { type: 'string', format: 'email', maxLength: 320, example: 'punto.focal@mujeres.gob.ar' },
    name: { type: 'string', minLength: 1, maxLength: 200, example: 'María Pérez' },
    role: { type: 'string', enum: [...ROLES], example: 'state_focal_point' },
    stateCode: { type: ['string', 'null'], pattern: '^[A-Za-z]{3}$', example: 'ARG' },
    preferredLanguage: { type: ['string', 'null'], enum: [...LANGUAGES, null], example: 'es' },
    replacesUserId: { type: 'string', format: 'uuid' },
  },
});
export type InvitationBody = InvitationInput;

export interface AccountQuery {
  role?: Role;
  stateCode?: string;
  status?: 'invited' | 'active' | 'disabled';
}
export const accountQuerySchema = Type.Unsafe<AccountQuery>({
  type: 'object',
  additionalProperties: false,
  properties: {
    role: { type: 'string', enum: [...ROLES] },
    stateCode: { type: 'string', pattern: '^[A-Za-z]{3}$' },
    status: { type: 'string', enum: ['invited', 'active', 'disabled'] },
  },
});

export const accountExample = {
  id: '6f1c1c8e-7d0a-4d57-9a51-1f2f0c3b9a10',
  email: 'punto.focal@mujeres.gob.ar',
  name: 'María Pérez',
  role: 'state_focal_point',
  stateCode: 'ARG',
  status: 'invited',
  preferredLanguage: null,
  language: 'es',
  createdAt: '2026-11-23T14:00:00.000Z',
};
