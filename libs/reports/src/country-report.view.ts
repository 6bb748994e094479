import type { FollowUpLine, RecommendationView } from '@mesecvi/recommendations';
import type { AdoptionMethod, ReportStatus } from './country-report.entity';

export interface ObservationView {
  id: string;
  recommendationId: string | null;
  text: string;
  attachmentIds: string[];
  submittedBy: { userId: string; role: string };
  onBehalf: { channel: 'diplomatic_note' | 'email'; reference: string } | null;
  submittedAt: string;
}

export interface CountryReportView {
  id: string;
  evaluationId: string;
  stateCode: string;
  roundName: string;
  status: ReportStatus;
  version: number;
  sections: Record<string, string>;
  recommendations: RecommendationView[];
  /**
   * A national follow-up report (the report of a follow-up round's evaluation): each recommendation
   * the state was asked about, with the committee's rating and justification. Null for a country report.
   */
  followUp: FollowUpLine[] | null;
  observations: ObservationView[];
  preliminarySentAt: string | null;
  observationsDeadlineId: string | null;
  adoption: {
    method: AdoptionMethod;
    votes: { for: number; against: number; abstentions: number } | null;
    meeting: string | null;
    adoptedOn: string;
    overrideReason: string | null;
  } | null;
  symbol: string | null;
  /** Corrigenda since adoption; the document in force is `documentSymbol` (`…/Rev.1`, …). */
  revision: number;
  documentSymbol: string | null;
  publishedAt: string | null;
}

export interface ReportRow {
  id: string;
  evaluation_id: string;
  state_code: string;
  round_name: string;
  round_number: number;
  round_kind: 'evaluation' | 'follow_up';
  observations_days: number;
  status: ReportStatus;
  version: number;
  sections: Record<string, string>;
  preliminary_sent_at: Date | null;
  observations_deadline_id: string | null;
  adoption_method: AdoptionMethod | null;
  votes_for: number | null;
  votes_against: number | null;
  abstentions: number | null;
  meeting: string | null;
  adopted_on: string | null;
  override_reason: string | null;
  symbol: string | null;
  revision: number;
  published_at: Date | null;
}

// adopted_on is a calendar date: read as text, never as a JS Date (which would shift it by the time zone).
export const REPORT_SELECT = `
  SELECT r.*, to_char(r.adopted_on, 'YYYY-MM-DD') AS adopted_on, ro.name AS round_name, ro.number AS round_number, ro.kind AS round_kind, ro.observations_days
  FROM country_report r JOIN state_evaluation e ON e.id = r.evaluation_id JOIN round ro ON ro.id = e.round_id`;

export function toReportView(
  r: ReportRow,
  recommendations: RecommendationView[],
  observations: ObservationView[],
  followUp: FollowUpLine[] | null = null,
): CountryReportView {
  return {
    id: r.id,
    evaluationId: r.evaluation_id,
    stateCode: r.state_code,
    roundName: r.round_name,
    status: r.status,
    version: r.version,
    sections: r.sections,
    recommendations,
    followUp,
    observations,
    preliminarySentAt: r.preliminary_sent_at ? r.preliminary_sent_at.toISOString() : null,
    observationsDeadlineId: r.observations_deadline_id,
    adoption:
      r.adoption_method && r.adopted_on
        ? {
            method: r.adoption_method,
            votes:
              r.adoption_method === 'vote'
                ? { for: r.votes_for ?? 0, against: r.votes_against ?? 0, abstentions: r.abstentions ?? 0 }
                : null,
            meeting: r.meeting,
            adoptedOn: r.adopted_on,
            overrideReason: r.override_reason,
          }
        : null,
    symbol: r.symbol,
    revision: r.revision,
    documentSymbol: r.symbol && r.revision > 0 ? `${r.symbol}/Rev.${r.revision}` : r.symbol,
    publishedAt: r.published_at ? r.published_at.toISOString() : null,
  };
}
