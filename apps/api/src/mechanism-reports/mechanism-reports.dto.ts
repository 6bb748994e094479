import { Type } from '@sinclair/typebox';
import { adoptionDecisionProperties } from '../reports/reports.dto';

export const hemisphericAdoptionSchema = Type.Unsafe<HemisphericAdoptionBody>({
  type: 'object',
  additionalProperties: false,
  required: ['method', 'meeting', 'adoptedOn'],
  properties: adoptionDecisionProperties,
});
export interface HemisphericAdoptionBody {
  method: 'consensus' | 'vote';
  votesFor?: number;
  votesAgainst?: number;
  abstentions?: number;
  meeting: string;
  adoptedOn: string;
  symbol?: string;
}

export const documentQuerySchema = Type.Unsafe<DocumentQuery>({
  type: 'object',
  additionalProperties: false,
  properties: {
    format: { type: 'string', enum: ['json', 'html', 'md'], default: 'json' },
    lang: { type: 'string', enum: ['en', 'es', 'fr', 'pt'], default: 'en' },
  },
});
export interface DocumentQuery {
  format?: 'json' | 'html' | 'md';
  lang?: 'en' | 'es' | 'fr' | 'pt';
}

export const DOCUMENT_CONTENT_TYPES = { html: 'text/html; charset=utf-8', md: 'text/markdown; charset=utf-8' } as const;
