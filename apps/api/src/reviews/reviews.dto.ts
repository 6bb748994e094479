import { Type } from '@sinclair/typebox';
const uuid = (example: string) => ({ type: 'string', format: 'uuid', example });
const expertIds = {
  type: 'array',
  minItems: 1,
  maxItems: 10,
  uniqueItems: true,
  items: uuid('9b1f3c2e-4d5a-4b6c-8d7e-0f1a2b3c4d5e'),
};

export const assignRapporteursSchema = Type.Unsafe<AssignRapporteursBody>({
  type: 'object',
  additionalProperties: false,
  required: ['expertUserIds'],
  properties: { expertUserIds: expertIds },
});
export interface AssignRapporteursBody {
  expertUserIds: string[];
}

export const proposeRapporteursSchema = Type.Unsafe<ProposeRapporteursBody>({
  type: 'object',
  additionalProperties: false,
  properties: {
    size: { type: 'integer', minimum: 1, maximum: 5, example: 2 },
    seed: { type: 'string', minLength: 1, maxLength: 64, example: 'round-5' },
  },
});
export interface ProposeRapporteursBody {
  size?: number;
  seed?: string;
}

export const acceptRapporteursSchema = Type.Unsafe<AcceptRapporteursBody>({
  type: 'object',
  additionalProperties: false,
  required: ['assignments'],
  properties: {
    assignments: {
      type: 'array',
      minItems: 1,
      maxItems: 64,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['evaluationId', 'expertUserIds'],
        // stateCode is informative (a proposal can be sent back as it came); the evaluation decides.
        properties: {
          evaluationId: uuid('5c8a7b6d-1e2f-4a3b-9c4d-5e6f7a8b9c0d'),
          stateCode: { type: 'string', pattern: '^[A-Z]{3}$' },
          expertUserIds: expertIds,
        },
      },
    },
  },
});
export interface AcceptRapporteursBody {
  assignments: Array<{ evaluationId: string; stateCode?: string; expertUserIds: string[] }>;
}

export const commentSchema = Type.Unsafe<CommentBody>({
  type: 'object',
  additionalProperties: false,
  required: ['body'],
  properties: {
    body: {
      type: 'string',
      minLength: 1,
      maxLength: 20000,
      example: 'The 2025 femicide figure differs from the national statistics office’s report.',
    },
    pointer: { type: ['string', 'null'], minLength: 1, maxLength: 512, example: '/stats_femicide/2/value' },
    visibility: { type: 'string', enum: ['committee', 'state'], default: 'committee', example: 'state' },
    parentId: { type: ['string', 'null'], format: 'uuid' },
  },
});
export interface CommentBody {
  body: string;
  pointer?: string | null;
  visibility?: 'committee' | 'state';
  parentId?: string | null;
}

export const reviewClarificationSchema = Type.Unsafe<ReviewClarificationBody>({
  type: 'object',
  additionalProperties: false,
  required: ['message', 'dueDate'],
  properties: {
    message: {
      type: 'string',
      minLength: 1,
      maxLength: 20000,
      example: 'Please give the 2025 budget of the national plan, by ministry.',
    },
    pointers: {
      type: 'array',
      maxItems: 50,
      uniqueItems: true,
      items: { type: 'string', minLength: 1, maxLength: 512 },
      example: ['/budget_plan'],
    },
    dueDate: { type: 'string', format: 'date', example: '2027-06-30' },
  },
});
export interface ReviewClarificationBody {
  message: string;
  pointers?: string[];
  dueDate: string;
}
