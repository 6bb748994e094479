import type { RecommendationStatus } from './recommendation.entity';

/** A recommendation as the register lists it. */
export interface RegisterRow {
  /** `{round}-{state}-{n}`. */
  id: string;
  stateCode: string;
  /** The evaluation round that issued it. */
  round: { id: string; number: number; name: string };
  number: number;
  theme: string;
  articles: string[];
  text: string;
  translations: Record<string, string>;
  status: RecommendationStatus;
  /** The committee's latest rating (a value of the scale); null until first rated. */
  complianceStatus: string | null;
  closed: boolean;
  /** Its country report: the document in force once adopted. */
  report: { id: string; status: string; documentSymbol: string | null } | null;
}

export interface RatingHistoryEntry {
  followUpRound: { id: string; number: number; name: string };
  followUpEvaluationId: string;
  /** The questionnaire item that asked the state about it. */
  itemId: string;
  /** The rapporteurs' proposal: for the follow-up evaluation's review readers only (null for others, or none yet). */
  proposal: { value: string; justification: string; proposedBy: string; proposedAt: string } | null;
  /** The committee's rating, recorded by the secretariat; null until recorded. */
  rating: { value: string; justification: string; closes: boolean; recordedAt: string } | null;
}

export interface LifecycleEvent {
  event: 'drafted' | 'adopted' | 'published' | 'withdrawn' | 'asked_in_follow_up' | 'rated';
  at: string;
  detail: Record<string, string | number | boolean | null>;
}

export interface RegisterEntry extends RegisterRow {
  history: { ratings: RatingHistoryEntry[]; lifecycle: LifecycleEvent[] };
}

export interface RegisterRowData {
  id: string;
  state_code: string;
  round_id: string;
  round_number: number;
  round_name: string;
  seq: number;
  theme: string;
  articles: string[];
  text: string;
  translations: Record<string, string>;
  status: RecommendationStatus;
  compliance_status: string | null;
  closed: boolean;
  created_at: Date;
  updated_at: Date;
  report_id: string | null;
  report_status: string | null;
  symbol: string | null;
  revision: number | null;
  adopted_on: string | null;
  published_at: Date | null;
}

export const REGISTER_SELECT = `
  SELECT r.id, r.state_code, ro.id AS round_id, ro.number AS round_number, ro.name AS round_name, r.seq, r.theme, r.articles, r.text, r.translations, r.status,
         r.compliance_status, r.closed, r.created_at, r.updated_at,
         cr.id AS report_id, cr.status AS report_status, cr.symbol, cr.revision, to_char(cr.adopted_on, 'YYYY-MM-DD') AS adopted_on, cr.published_at
  FROM recommendation r
  JOIN state_evaluation e ON e.id = r.evaluation_id
  JOIN round ro ON ro.id = e.round_id
  LEFT JOIN country_report cr ON cr.evaluation_id = r.evaluation_id`;

export function toRegisterRow(r: RegisterRowData): RegisterRow {
  return {
    id: r.id,
    stateCode: r.state_code,
    round: { id: r.round_id, number: r.round_number, name: r.round_name },
    number: r.seq,
    theme: r.theme,
    articles: r.articles,
    text: r.text,
    translations: r.translations,
    status: r.status,
    complianceStatus: r.compliance_status,
    closed: r.closed,
    report: r.report_id
      ? {
          id: r.report_id,
          status: r.report_status as string,
          documentSymbol: r.symbol ? (r.revision ? `${r.symbol}/Rev.${r.revision}` : r.symbol) : null,
        }
      : null,
  };
}
