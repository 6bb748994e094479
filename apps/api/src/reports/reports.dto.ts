import { Type } from '@sinclair/typebox';
import { CONVENTION_ARTICLES, THEMES } from '@mesecvi/questionnaires';

const text = (max: number, example: string) => ({ type: 'string', minLength: 1, maxLength: max, example });

export const reportDraftSchema = Type.Unsafe<ReportDraftBody>({
  type: 'object',
  additionalProperties: false,
  required: ['sections', 'recommendations'],
  properties: {
    sections: {
      type: 'object',
      additionalProperties: false,
      properties: Object.fromEntries(THEMES.map((t) => [t, { type: 'string', maxLength: 100000 }])),
      example: { legislation: 'The State adopted a comprehensive law in 2009 (Law 26.485)…' },
    },
    recommendations: {
      type: 'array',
      maxItems: 200,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['theme', 'articles', 'text'],
        properties: {
          id: { type: 'string', maxLength: 40, example: '4-ARG-1' },
          theme: { type: 'string', enum: [...THEMES], example: 'budget' },
          articles: {
            type: 'array',
            maxItems: 20,
            uniqueItems: true,
            items: { type: 'string', enum: [...CONVENTION_ARTICLES] },
            example: ['8.a'],
          },
          text: text(20000, 'Allocate a specific budget line to the national plan, with yearly execution reports.'),
        },
      },
    },
  },
});
export interface ReportDraftBody {
  sections: Record<string, string>;
  recommendations: Array<{ id?: string; theme: string; articles: string[]; text: string }>;
}

/** Evidence files cited by an observation (uploaded with POST /evaluations/{id}/attachments). */
const attachmentIds = { type: 'array', maxItems: 50, uniqueItems: true, items: { type: 'string', format: 'uuid' } };

export const observationsSchema = Type.Unsafe<ObservationsBody>({
  type: 'object',
  additionalProperties: false,
  properties: {
    general: text(50000, 'The State thanks the Committee and notes that the 2026 budget law includes…'),
    generalAttachmentIds: attachmentIds,
    perRecommendation: {
      type: 'array',
      maxItems: 200,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['recommendationId', 'text'],
        properties: {
          recommendationId: { type: 'string', maxLength: 40 },
          text: text(20000, 'Already in progress.'),
          attachmentIds,
        },
      },
    },
    onBehalf: {
      type: 'object',
      additionalProperties: false,
      required: ['channel', 'reference'],
      properties: {
        channel: { type: 'string', enum: ['diplomatic_note', 'email'] },
        reference: text(300, 'Note 45/2027'),
      },
    },
  },
});
export interface ObservationsBody {
  general?: string;
  generalAttachmentIds?: string[];
  perRecommendation?: Array<{ recommendationId: string; text: string; attachmentIds?: string[] }>;
  onBehalf?: { channel: 'diplomatic_note' | 'email'; reference: string };
}

/** The committee's decision, as recorded for any adopted report (country, follow-up, hemispheric). */
export const adoptionDecisionProperties = {
  method: { type: 'string', enum: ['consensus', 'vote'], example: 'consensus' },
  votesFor: { type: 'integer', minimum: 0, maximum: 1000 },
  votesAgainst: { type: 'integer', minimum: 0, maximum: 1000 },
  abstentions: { type: 'integer', minimum: 0, maximum: 1000 },
  meeting: text(300, 'Twenty-second Meeting of the Committee of Experts, Washington, D.C.'),
  adoptedOn: { type: 'string', format: 'date', example: '2027-11-20' },
  symbol: text(120, 'MESECVI/CEVI/doc.12/27'),
};

export const adoptionSchema = Type.Unsafe<AdoptionBody>({
  type: 'object',
  additionalProperties: false,
  required: ['method', 'meeting', 'adoptedOn'],
  properties: {
    ...adoptionDecisionProperties,
    overrideReason: text(5000, 'The State announced in writing that it will not send observations.'),
  },
});
export interface AdoptionBody {
  method: 'consensus' | 'vote';
  votesFor?: number;
  votesAgainst?: number;
  abstentions?: number;
  meeting: string;
  adoptedOn: string;
  overrideReason?: string;
  symbol?: string;
}

export const renderQuerySchema = Type.Unsafe<RenderQuery>({
  type: 'object',
  additionalProperties: false,
  properties: {
    format: { type: 'string', enum: ['json', 'html', 'md'], default: 'json' },
    lang: { type: 'string', enum: ['en', 'es', 'fr', 'pt'], default: 'en' },
  },
});
export interface RenderQuery {
  format?: 'json' | 'html' | 'md';
  lang?: 'en' | 'es' | 'fr' | 'pt';
}

export const corrigendumSchema = Type.Unsafe<CorrigendumBody>({
  type: 'object',
  additionalProperties: false,
  required: ['reason', 'sections'],
  properties: {
    reason: text(5000, 'The 2025 budget figure was transcribed wrongly.'),
    sections: {
      type: 'object',
      additionalProperties: false,
      minProperties: 1,
      properties: Object.fromEntries(THEMES.map((t) => [t, { type: 'string', maxLength: 100000 }])),
    },
  },
});
export interface CorrigendumBody {
  reason: string;
  sections: Record<string, string>;
}
