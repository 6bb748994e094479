import type { AdoptionMethod } from '@mesecvi/reports';
import type { HemisphericFigures } from './hemispheric-figures';

export interface HemisphericAdoptionView {
  method: AdoptionMethod;
  votes: { for: number; against: number; abstentions: number } | null;
  meeting: string;
  adoptedOn: string;
}

/**
 * A round's hemispheric report: `draft` (nothing adopted yet: live figures, no id), `adopted`
 * or `published` (the figures frozen at adoption).
 */
export interface HemisphericReportView {
  id: string | null;
  roundId: string;
  status: 'draft' | 'adopted' | 'published';
  symbol: string | null;
  adoption: HemisphericAdoptionView | null;
  publishedAt: string | null;
  figures: HemisphericFigures;
}

export interface PublishedHemisphericSummary {
  id: string;
  roundId: string;
  roundName: string;
  symbol: string;
  adoptedOn: string;
  publishedAt: string;
}

export interface HemisphericReportRow {
  id: string;
  round_id: string;
  status: 'adopted' | 'published';
  symbol: string;
  adoption_method: AdoptionMethod;
  votes_for: number | null;
  votes_against: number | null;
  abstentions: number | null;
  meeting: string;
  adopted_on: string;
  figures: HemisphericFigures;
  published_at: Date | null;
}

export const HEMISPHERIC_SELECT = `SELECT id, round_id, status, symbol, adoption_method, votes_for, votes_against, abstentions, meeting,
  to_char(adopted_on, 'YYYY-MM-DD') AS adopted_on, figures, published_at FROM hemispheric_report`;

export const toHemisphericView = (r: HemisphericReportRow): HemisphericReportView => ({
  id: r.id,
  roundId: r.round_id,
  status: r.status,
  symbol: r.symbol,
  adoption: {
    method: r.adoption_method,
    votes:
      r.adoption_method === 'vote'
        ? { for: r.votes_for ?? 0, against: r.votes_against ?? 0, abstentions: r.abstentions ?? 0 }
        : null,
    meeting: r.meeting,
    adoptedOn: r.adopted_on,
  },
  publishedAt: r.published_at ? r.published_at.toISOString() : null,
  figures: r.figures,
});
