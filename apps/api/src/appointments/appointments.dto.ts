import { Type } from '@sinclair/typebox';
import { LANGUAGES } from '@mesecvi/http';
import {
  APPOINTMENT_KINDS,
  COMMITTEE_OFFICES,
  ELECTION_METHODS,
  type DeclareConflictInput,
  type ElectOfficerInput,
  type OpenRequestInput,
  type ProposeAppointmentInput,
  type RecordAppointmentInput,
} from '@mesecvi/appointments';

const date = (example: string) => ({ type: 'string', format: 'date', example });
const stateCode = { type: 'string', pattern: '^[A-Za-z]{3}$', example: 'ARG' };
const person = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'email'],
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 200, example: 'Susana Chiarotti' },
    email: { type: 'string', format: 'email', maxLength: 320, example: 'experta@mujeres.gob.ar' },
    language: { type: ['string', 'null'], enum: [...LANGUAGES, null], example: 'es' },
  },
};
const reference = (example: string) => ({ type: 'string', minLength: 1, maxLength: 300, example });
const cvReference = { type: ['string', 'null'], minLength: 1, maxLength: 2000, example: 'doc:cv/2026/arg-titular.pdf' };

export const recordAppointmentSchema = Type.Unsafe<RecordAppointmentInput>({
  type: 'object',
  additionalProperties: false,
  required: ['stateCode', 'kind', 'person', 'noteReference', 'notifiedOn', 'termStart'],
  properties: {
    stateCode,
    kind: { type: 'string', enum: [...APPOINTMENT_KINDS], example: 'titular' },
    person,
    cvReference,
    noteReference: reference('OEA/ARG Nota 123/2026'),
    notifiedOn: date('2026-02-10'),
    termStart: date('2026-03-01'),
    termEnd: { type: ['string', 'null'], format: 'date' },
    replacesId: { type: ['string', 'null'], format: 'uuid' },
    proposalId: { type: ['string', 'null'], format: 'uuid' },
  },
});

export const proposeAppointmentSchema = Type.Unsafe<ProposeAppointmentInput>({
  type: 'object',
  additionalProperties: false,
  required: ['kind', 'person', 'noteReference'],
  properties: {
    kind: { type: 'string', enum: [...APPOINTMENT_KINDS], example: 'titular' },
    person,
    cvReference,
    noteReference: reference('Nota MMGyD 45/2026'),
    termStart: { type: ['string', 'null'], format: 'date', example: '2026-03-01' },
  },
});

export const endAppointmentSchema = Type.Unsafe<EndBody>({
  type: 'object',
  additionalProperties: false,
  required: ['endDate'],
  properties: { endDate: date('2027-02-28') },
});

export const openRequestSchema = Type.Unsafe<OpenRequestInput>({
  type: 'object',
  additionalProperties: false,
  required: ['kinds', 'replyDate'],
  properties: {
    stateCodes: { type: 'array', minItems: 1, maxItems: 64, items: stateCode, example: ['ARG', 'BRA', 'HTI'] },
    kinds: {
      type: 'array',
      minItems: 1,
      maxItems: 3,
      uniqueItems: true,
      items: { type: 'string', enum: [...APPOINTMENT_KINDS] },
      example: ['titular', 'focal_point'],
    },
    replyDate: date('2026-04-30'),
    message: { type: 'string', maxLength: 5000, example: 'Ahead of the Fifth Multilateral Evaluation Round.' },
  },
});

export const resendRequestSchema = Type.Unsafe<ResendBody>({
  type: 'object',
  additionalProperties: false,
  properties: { stateCodes: { type: 'array', minItems: 1, maxItems: 64, items: stateCode } },
});

export const declineSchema = Type.Unsafe<DeclineBody>({
  type: 'object',
  additionalProperties: false,
  properties: {
    note: { type: 'string', maxLength: 2000, example: 'Note verbale 77/2026: the state will confirm after elections.' },
  },
});

export const electOfficerSchema = Type.Unsafe<ElectOfficerInput>({
  type: 'object',
  additionalProperties: false,
  required: ['office', 'appointmentId', 'method', 'termStart'],
  properties: {
    office: { type: 'string', enum: [...COMMITTEE_OFFICES], example: 'coordinator' },
    appointmentId: { type: 'string', format: 'uuid' },
    method: { type: 'string', enum: [...ELECTION_METHODS], example: 'vote' },
    votesFor: { type: ['integer', 'null'], minimum: 0, maximum: 1000, example: 18 },
    votesAgainst: { type: ['integer', 'null'], minimum: 0, maximum: 1000, example: 9 },
    abstentions: { type: ['integer', 'null'], minimum: 0, maximum: 1000, example: 2 },
    termStart: date('2026-06-01'),
  },
});

export const declareConflictSchema = Type.Unsafe<DeclareConflictInput>({
  type: 'object',
  additionalProperties: false,
  required: ['stateCode', 'reason'],
  properties: {
    expertUserId: { type: 'string', format: 'uuid' },
    stateCode,
    reason: { type: 'string', minLength: 1, maxLength: 2000, example: 'Advised the ministry of this state in 2025.' },
  },
});

export const conflictQuerySchema = Type.Unsafe<ConflictQuery>({
  type: 'object',
  additionalProperties: false,
  properties: { expertUserId: { type: 'string', format: 'uuid' } },
});

export interface ResendBody {
  stateCodes?: string[];
}
export interface DeclineBody {
  note?: string;
}
export interface EndBody {
  endDate: string;
}
export interface ConflictQuery {
  expertUserId?: string;
}

const id = '3f0e8a52-1c1b-4f7e-9d1e-6a3b2c4d5e6f';
export const appointmentExample = {
  id,
  stateCode: 'ARG',
  kind: 'titular',
  person: { name: 'Susana Chiarotti', email: 'experta@mujeres.gob.ar', language: 'es' },
  cvReference: null,
  notification: { noteReference: 'OEA/ARG Nota 123/2026', receivedOn: '2026-02-10' },
  termStart: '2026-03-01',
  termEnd: null,
  status: 'active',
  endReason: null,
  replacesId: null,
  userId: '6f1c1c8e-7d0a-4d57-9a51-1f2f0c3b9a10',
  proposalId: null,
  recordedBy: '9a1b2c3d-0000-4000-8000-000000000001',
  recordedAt: '2026-02-11T14:00:00.000Z',
  endedAt: null,
};
export const proposalExample = {
  id,
  stateCode: 'ARG',
  kind: 'titular',
  person: appointmentExample.person,
  cvReference: null,
  noteReference: 'Nota MMGyD 45/2026',
  termStart: '2026-03-01',
  status: 'proposed',
  proposedBy: '6f1c1c8e-7d0a-4d57-9a51-1f2f0c3b9a10',
  proposedAt: '2026-02-05T14:00:00.000Z',
  decidedAt: null,
};
export const targetExample = {
  stateCode: 'ARG',
  status: 'pending',
  answeredKinds: [],
  answeredAt: null,
  declinedAt: null,
  declineNote: null,
  sentCount: 1,
  lastSentAt: '2026-02-01T14:00:00.000Z',
  deadlineId: '7c2d1e0f-0000-4000-8000-000000000002',
};
export const requestExample = {
  id,
  kinds: ['titular', 'focal_point'],
  message: 'Ahead of the Fifth Multilateral Evaluation Round.',
  replyDate: '2026-04-30',
  openedBy: '9a1b2c3d-0000-4000-8000-000000000001',
  openedAt: '2026-02-01T14:00:00.000Z',
  counts: { pending: 31, answered: 1, declined: 0 },
  states: [targetExample],
};
export const rosterExample = {
  appointmentId: id,
  stateCode: 'ARG',
  stateName: 'Argentina',
  kind: 'titular',
  name: 'Susana Chiarotti',
  email: 'experta@mujeres.gob.ar',
  termStart: '2026-03-01',
  termEnd: null,
  offices: ['coordinator'],
};
export const pendingExample = {
  stateCode: 'HTI',
  stateName: 'Haiti',
  missing: ['titular'],
  pendingSince: '2026-02-01',
  daysPending: 12,
  openRequestIds: [id],
};
export const officeExample = {
  id,
  office: 'coordinator',
  appointmentId: id,
  expertUserId: '6f1c1c8e-7d0a-4d57-9a51-1f2f0c3b9a10',
  expertName: 'Susana Chiarotti',
  stateCode: 'ARG',
  method: 'vote',
  votes: { for: 18, against: 9, abstentions: 2 },
  termStart: '2026-06-01',
  termEnd: '2028-06-01',
  status: 'current',
  endedOn: null,
  recordedAt: '2026-06-01T18:00:00.000Z',
};
export const conflictExample = {
  id,
  expertUserId: '6f1c1c8e-7d0a-4d57-9a51-1f2f0c3b9a10',
  stateCode: 'CHL',
  reason: 'Advised the ministry of this state in 2025.',
  declaredBy: '6f1c1c8e-7d0a-4d57-9a51-1f2f0c3b9a10',
  declaredAt: '2026-03-01T14:00:00.000Z',
};
