import { Type } from '@sinclair/typebox';
import { ON_BEHALF_CHANNELS, type ClarificationInput, type SubmitInput } from '@mesecvi/submissions';

export const submitSchema = Type.Unsafe<SubmitInput>({
  type: 'object',
  additionalProperties: false,
  properties: {
    onBehalf: {
      type: 'object',
      additionalProperties: false,
      required: ['channel', 'reference'],
      description: 'The secretariat only: how the answers arrived from the state',
      properties: {
        channel: { type: 'string', enum: [...ON_BEHALF_CHANNELS], example: 'diplomatic_note' },
        reference: { type: 'string', minLength: 1, maxLength: 300, example: 'Note OEA/ARG 123/2027 of 28 March 2027' },
      },
    },
  },
});

export const clarificationSchema = Type.Unsafe<ClarificationInput>({
  type: 'object',
  additionalProperties: false,
  required: ['message'],
  properties: {
    message: {
      type: 'string',
      minLength: 1,
      maxLength: 4000,
      example: 'Please give the 2025 figures of JUS-03 by province.',
    },
    dueDate: { type: 'string', format: 'date', example: '2027-06-30' },
  },
});

export const diffQuerySchema = Type.Unsafe<DiffQuery>({
  type: 'object',
  additionalProperties: false,
  required: ['from', 'to'],
  properties: {
    from: { type: 'integer', minimum: 1, maximum: 100000 },
    to: { type: 'integer', minimum: 1, maximum: 100000 },
  },
});
export interface DiffQuery {
  from: number;
  to: number;
}

const evaluationId = '5c0e9d7e-9a4e-4a8e-b1d2-6f7a8b9c0d1e';

export const submissionExample = {
  id: '0d3c6a2e-7f1b-4c8d-9e0f-a1b2c3d4e5f6',
  evaluationId,
  versionNumber: 1,
  event: 'submit',
  questionnaireVersionId: '9d1c3a55-0f2e-4c1b-9a77-1e2f3a4b5c6d',
  validatorVersion: 'ajv-8.17.1+mesecvi-rules-1',
  sha256: '3b1f5a0c0e4d2f6a8b9c7d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a',
  submittedAt: '2027-03-30T15:00:00.000Z',
  submittedBy: { userId: '6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c9d', role: 'state_focal_point' },
  onBehalf: null,
  dueDate: '2027-03-31',
  onTime: true,
  daysLate: 0,
};

export const draftSaveExample = {
  evaluationId,
  evaluationStatus: 'drafting',
  version: 4,
  updatedAt: '2027-02-01T14:00:00.000Z',
  changedItems: ['LEG-01', 'LEG-02'],
  remainingProblems: [
    {
      pointer: '/LEG-03',
      keyword: 'required',
      message: 'Answer this question.',
      label: 'Budget allocation in the comprehensive law',
    },
  ],
};
