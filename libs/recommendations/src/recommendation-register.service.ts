import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '@mesecvi/audit';
import { Clock } from '@mesecvi/clock';
import { DomainError } from '@mesecvi/errors';
import type { Caller, Language, RequestMeta } from '@mesecvi/http';
import { PolicyService } from '@mesecvi/policy';
import { ReviewAccess } from '@mesecvi/reviews';
import type { RecommendationStatus } from './recommendation.entity';
import {
  REGISTER_SELECT,
  toRegisterRow,
  type LifecycleEvent,
  type RatingHistoryEntry,
  type RegisterEntry,
  type RegisterRow,
  type RegisterRowData,
} from './register.view';

export interface RegisterFilters {
  /** State party code. */
  state?: string;
  /** Number of the evaluation round that issued the recommendation. */
  round?: number;
  theme?: string;
  article?: string;
  status?: RecommendationStatus;
  /** A value of the rating scale, or `unrated`. */
  compliance?: string;
  closed?: boolean;
}

/** `{round}-{state}-{n}`; anything else cannot be a recommendation (and never reaches SQL). */
const RECOMMENDATION_ID = /^\d{1,6}-[A-Z]{3}-\d{1,6}$/;

interface RatingRow {
  round_id: string;
  round_number: number;
  round_name: string;
  evaluation_id: string;
  item_id: string;
  proposed_value: string | null;
  proposed_justification: string | null;
  proposed_by: string | null;
  proposed_at: Date | null;
  value: string | null;
  justification: string | null;
  closes: boolean | null;
  recorded_at: Date | null;
  distributed_at: Date;
}

/**
 * The recommendations register: every recommendation with its state, round, theme, articles,
 * text (and translations), lifecycle status and latest committee rating. The secretariat and the
 * committee see every state (only the secretariat sees drafts and withdrawn ones: they belong to
 * unadopted reports); a state's people see their own state's adopted recommendations only.
 */
@Injectable()
export class RecommendationRegister {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policy: PolicyService,
    private readonly access: ReviewAccess,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(caller: Caller, filters: RegisterFilters): Promise<RegisterRow[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: (n: string) => string, value: unknown): void => {
      params.push(value);
      where.push(sql(`$${params.length}`));
    };
    this.scope(caller, add);
    if (filters.state) add((n) => `r.state_code = ${n}`, filters.state.toUpperCase());
    if (filters.round !== undefined) add((n) => `ro.number = ${n}`, filters.round);
    if (filters.theme) add((n) => `r.theme = ${n}`, filters.theme);
    if (filters.article) add((n) => `${n} = ANY(r.articles)`, filters.article);
    if (filters.status) add((n) => `r.status = ${n}`, filters.status);
    if (filters.compliance === 'unrated') where.push('r.compliance_status IS NULL');
    else if (filters.compliance) add((n) => `r.compliance_status = ${n}`, filters.compliance);
    if (filters.closed !== undefined) add((n) => `r.closed = ${n}`, filters.closed);
    const rows: RegisterRowData[] = await this.dataSource.query(
      `${REGISTER_SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ro.number, r.state_code, r.seq`,
      params,
    );
    return rows.map(toRegisterRow);
  }

  /** One recommendation with its ratings across follow-up rounds and its lifecycle (404 outside the caller's scope). */
  async get(caller: Caller, id: string, meta: RequestMeta): Promise<RegisterEntry> {
    const row = await this.visibleRow(caller, id, meta);
    const ratings: RatingRow[] = await this.dataSource.query(
      `SELECT ro.id AS round_id, ro.number AS round_number, ro.name AS round_name, e.id AS evaluation_id, e.distributed_at, fi.item_id,
              rr.proposed_value, rr.proposed_justification, rr.proposed_by, rr.proposed_at, rr.value, rr.justification, rr.closes, rr.recorded_at
       FROM follow_up_item fi
       JOIN state_evaluation e ON e.id = fi.evaluation_id
       JOIN round ro ON ro.id = e.round_id
       LEFT JOIN recommendation_rating rr ON rr.follow_up_evaluation_id = fi.evaluation_id AND rr.recommendation_id = fi.recommendation_id
       WHERE fi.recommendation_id = $1 ORDER BY ro.number, e.distributed_at`,
      [row.id],
    );
    // A proposal is the review's material: only for who may read that follow-up evaluation's
    // review (never an expert on the state that appointed her or one she declared a conflict with).
    const readable = new Set<string>();
    for (const evaluationId of new Set(ratings.filter((r) => r.proposed_value).map((r) => r.evaluation_id))) {
      const evaluation = { id: evaluationId, stateCode: row.state_code };
      if (await this.access.mayReadCommitteeMaterial(this.dataSource.manager, caller, evaluation))
        readable.add(evaluationId);
    }
    const history: RatingHistoryEntry[] = ratings.map((r) => ({
      followUpRound: { id: r.round_id, number: r.round_number, name: r.round_name },
      followUpEvaluationId: r.evaluation_id,
      itemId: r.item_id,
      proposal:
        readable.has(r.evaluation_id) && r.proposed_value && r.proposed_at
          ? {
              value: r.proposed_value,
              justification: r.proposed_justification ?? '',
              proposedBy: r.proposed_by ?? '',
              proposedAt: r.proposed_at.toISOString(),
            }
          : null,
      rating:
        r.value && r.recorded_at
          ? {
              value: r.value,
              justification: r.justification ?? '',
              closes: r.closes === true,
              recordedAt: r.recorded_at.toISOString(),
            }
          : null,
    }));
    return { ...toRegisterRow(row), history: { ratings: history, lifecycle: lifecycle(row, ratings) } };
  }

  /** Sets the recommendation's translations (the whole map; `text` stays the original). Secretariat; audited. */
  async setTranslations(
    caller: Caller,
    id: string,
    translations: Partial<Record<Language, string>>,
    meta: RequestMeta,
  ): Promise<RegisterEntry> {
    const now = await this.clock.now();
    await this.dataSource.transaction(async (manager) => {
      const rows: Array<{ id: string; translations: Record<string, string> }> = RECOMMENDATION_ID.test(id)
        ? await manager.query('SELECT id, translations FROM recommendation WHERE id = $1 FOR UPDATE', [id])
        : [];
      if (!rows[0]) throw new DomainError('not_found', 'Recommendation was not found');
      const cleaned = Object.fromEntries(
        Object.entries(translations).map(([language, text]) => [language, (text ?? '').trim()]),
      );
      await manager.query('UPDATE recommendation SET translations = $2::jsonb, updated_at = $3 WHERE id = $1', [
        id,
        JSON.stringify(cleaned),
        now,
      ]);
      await this.audit.record(manager, {
        actor: caller,
        action: 'recommendation.translations_set',
        entity: { type: 'recommendation', id },
        summary: { languages: Object.keys(cleaned).sort(), previous: Object.keys(rows[0].translations).sort() },
        requestId: meta.requestId,
        at: now,
      });
    });
    return this.get(caller, id, meta);
  }

  private scope(caller: Caller, add: (sql: (n: string) => string, value: unknown) => void): void {
    if (caller.role === 'secretariat') return;
    add((n) => `r.status = ${n}`, 'adopted');
    // A state's people: their own state only (a contributor without a state sees nothing).
    if (this.policy.isStateBound(caller)) add((n) => `r.state_code = ${n}`, caller.stateCode ?? '');
  }

  private async visibleRow(caller: Caller, id: string, meta: RequestMeta): Promise<RegisterRowData> {
    const rows: RegisterRowData[] = RECOMMENDATION_ID.test(id)
      ? await this.dataSource.query(`${REGISTER_SELECT} WHERE r.id = $1`, [id])
      : [];
    const row = rows[0];
    if (!row || (caller.role !== 'secretariat' && row.status !== 'adopted'))
      throw new DomainError('not_found', 'Recommendation was not found');
    if (this.policy.isStateBound(caller))
      this.policy.assertStateRecords(caller, row.state_code, meta, 'Recommendation');
    return row;
  }
}

function lifecycle(row: RegisterRowData, ratings: RatingRow[]): LifecycleEvent[] {
  const events: LifecycleEvent[] = [{ event: 'drafted', at: row.created_at.toISOString(), detail: {} }];
  if (row.status === 'withdrawn') events.push({ event: 'withdrawn', at: row.updated_at.toISOString(), detail: {} });
  if (row.status === 'adopted' && row.adopted_on)
    events.push({ event: 'adopted', at: row.adopted_on, detail: { documentSymbol: row.symbol } });
  if (row.published_at)
    events.push({ event: 'published', at: row.published_at.toISOString(), detail: { documentSymbol: row.symbol } });
  // The report's own steps in their logical order: `adopted` carries the meeting's date (entered
  // by hand, possibly ahead of the clock, as in the demo), the others a recorded time.
  const followUps: LifecycleEvent[] = [];
  for (const r of ratings) {
    followUps.push({
      event: 'asked_in_follow_up',
      at: r.distributed_at.toISOString(),
      detail: { followUpRound: r.round_number, itemId: r.item_id },
    });
    if (r.value && r.recorded_at)
      followUps.push({
        event: 'rated',
        at: r.recorded_at.toISOString(),
        detail: { followUpRound: r.round_number, value: r.value, closes: r.closes === true },
      });
  }
  return [...events, ...followUps.sort((a, b) => a.at.localeCompare(b.at))];
}
