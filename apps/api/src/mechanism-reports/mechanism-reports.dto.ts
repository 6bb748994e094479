const text = (max: number, example: string) => ({ type: 'string', minLength: 1, maxLength: max, example });

export const hemisphericAdoptionSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['method', 'meeting', 'adoptedOn'],
  properties: {
    method: { type: 'string', enum: ['consensus', 'vote'], example: 'consensus' },
    votesFor: { type: 'integer', minimum: 0, maximum: 1000 },
    votesAgainst: { type: 'integer', minimum: 0, maximum: 1000 },
    abstentions: { type: 'integer', minimum: 0, maximum: 1000 },
    meeting: text(300, 'Twenty-third Meeting of the Committee of Experts, Washington, D.C.'),
    adoptedOn: { type: 'string', format: 'date', example: '2028-06-15' },
    symbol: text(120, 'MESECVI/CEVI/doc.40/28'),
  },
};
export interface HemisphericAdoptionBody {
  method: 'consensus' | 'vote';
  votesFor?: number;
  votesAgainst?: number;
  abstentions?: number;
  meeting: string;
  adoptedOn: string;
  symbol?: string;
}

export const documentQuerySchema = {
  type: 'object',
  additionalProperties: false,
  properties: { format: { type: 'string', enum: ['json', 'html', 'md'], default: 'json' }, lang: { type: 'string', enum: ['en', 'es', 'fr', 'pt'], default: 'en' } },
};
export interface DocumentQuery {
  format?: 'json' | 'html' | 'md';
  lang?: 'en' | 'es' | 'fr' | 'pt';
}

export const DOCUMENT_CONTENT_TYPES = { html: 'text/html; charset=utf-8', md: 'text/markdown; charset=utf-8' } as const;
