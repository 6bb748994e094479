import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '@mesecvi/audit';
import { Clock } from '@mesecvi/clock';
import { APP_CONFIG, type AppConfig } from '@mesecvi/config';
import { DomainError, fieldInvalid, ruleConflict } from '@mesecvi/errors';
import { isUuid, type Caller, type RequestMeta } from '@mesecvi/http';
import { ReviewAccess } from '@mesecvi/reviews';
import { EvaluationTransitions, type EvaluationStatus, type LockedEvaluation } from '@mesecvi/rounds';
import { RECOMMENDATION_RULES } from './recommendation-rules';

export interface RatingInput {
  recommendationId: string;
  value: string;
  justification: string;
}

export interface FollowUpItemView {
  itemId: string;
  recommendation: {
    id: string;
    theme: string;
    articles: string[];
    text: string;
    translations: Record<string, string>;
    complianceStatus: string | null;
    closed: boolean;
  };
  /** The rapporteurs' proposal (committee only; null for the state's people or when there is none). */
  proposal: { value: string; justification: string; proposedBy: string; proposedAt: string } | null;
  rating: { value: string; justification: string; closes: boolean; recordedBy: string; recordedAt: string } | null;
}

export interface FollowUpEvaluationView {
  evaluationId: string;
  stateCode: string;
  roundId: string;
  status: EvaluationStatus;
  items: FollowUpItemView[];
}

/** Rapporteurs propose while they review. */
const PROPOSABLE: readonly EvaluationStatus[] = ['under_review', 'clarification_requested', 'analysed'];
/** The committee's rating is recorded (and may be corrected) until the national follow-up report is adopted. */
const RECORDABLE: readonly EvaluationStatus[] = [
  ...PROPOSABLE,
  'preliminary_report_sent',
  'observations_received',
  'observations_overdue',
];

interface ItemRow {
  item_id: string;
  id: string;
  theme: string;
  articles: string[];
  text: string;
  translations: Record<string, string>;
  compliance_status: string | null;
  closed: boolean;
  proposed_value: string | null;
  proposed_justification: string | null;
  proposed_by: string | null;
  proposed_at: Date | null;
  value: string | null;
  justification: string | null;
  closes: boolean | null;
  recorded_by: string | null;
  recorded_at: Date | null;
}

/**
 * Rating the recommendations a follow-up evaluation asked about: the evaluation's open
 * rapporteurs propose a value of the scale with a justification; the secretariat records the
 * committee's rating, and the register (compliance_status, closed) follows the latest recorded
 * rating. Each write locks the evaluation, is audited, and changes nothing when refused.
 */
@Injectable()
export class RecommendationRatings {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transitions: EvaluationTransitions,
    private readonly access: ReviewAccess,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async view(caller: Caller, evaluationId: string, meta: RequestMeta): Promise<FollowUpEvaluationView> {
    const manager = this.dataSource.manager;
    const evaluation = await this.find(manager, evaluationId);
    const scope = await this.access.readScope(manager, caller, evaluation, meta);
    await this.assertFollowUp(manager, evaluation);
    return this.viewOf(manager, evaluation, scope === 'committee');
  }

  async propose(
    caller: Caller,
    evaluationId: string,
    input: RatingInput,
    meta: RequestMeta,
  ): Promise<FollowUpEvaluationView> {
    const now = await this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      const evaluation = await this.lockVisible(manager, caller, evaluationId, meta);
      if (!(await this.access.isRapporteur(manager, caller, evaluation.id)))
        throw new DomainError('forbidden', 'Only a rapporteur assigned to this evaluation proposes ratings.');
      await this.checkInput(manager, evaluation, input);
      if (!PROPOSABLE.includes(evaluation.status))
        throw ruleConflict(
          RECOMMENDATION_RULES.rating_not_open,
          { evaluationStatus: evaluation.status },
          { evaluationStatus: evaluation.status },
        );
      await manager.query(
        `INSERT INTO recommendation_rating (recommendation_id, follow_up_evaluation_id, proposed_value, proposed_justification, proposed_by, proposed_at) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (follow_up_evaluation_id, recommendation_id) DO UPDATE SET proposed_value = EXCLUDED.proposed_value, proposed_justification = EXCLUDED.proposed_justification,
           proposed_by = EXCLUDED.proposed_by, proposed_at = EXCLUDED.proposed_at`,
        [input.recommendationId, evaluation.id, input.value, input.justification.trim(), caller.userId, now],
      );
      await this.audit.record(manager, {
        actor: caller,
        action: 'recommendation.rating_proposed',
        entity: { type: 'recommendation', id: input.recommendationId },
        summary: { evaluationId: evaluation.id, stateCode: evaluation.stateCode, value: input.value },
        requestId: meta.requestId,
        at: now,
      });
      return this.viewOf(manager, evaluation, true);
    });
  }

  async record(
    caller: Caller,
    evaluationId: string,
    input: RatingInput,
    meta: RequestMeta,
  ): Promise<FollowUpEvaluationView> {
    const now = await this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      const evaluation = await this.lockVisible(manager, caller, evaluationId, meta);
      const closes = await this.checkInput(manager, evaluation, input);
      if (!RECORDABLE.includes(evaluation.status))
        throw ruleConflict(
          RECOMMENDATION_RULES.rating_not_open_for_committee,
          { evaluationStatus: evaluation.status },
          { evaluationStatus: evaluation.status },
        );
      const existing: Array<{ proposed_value: string | null; value: string | null }> = await manager.query(
        'SELECT proposed_value, value FROM recommendation_rating WHERE follow_up_evaluation_id = $1 AND recommendation_id = $2 FOR UPDATE',
        [evaluation.id, input.recommendationId],
      );
      if (!existing[0]?.proposed_value) throw ruleConflict(RECOMMENDATION_RULES.rating_needs_proposal);
      await manager.query(
        `UPDATE recommendation_rating SET value = $3, justification = $4, closes = $5, recorded_by = $6, recorded_at = $7 WHERE follow_up_evaluation_id = $1 AND recommendation_id = $2`,
        [evaluation.id, input.recommendationId, input.value, input.justification.trim(), closes, caller.userId, now],
      );
      const [before]: Array<{ compliance_status: string | null; closed: boolean }> = await manager.query(
        'SELECT compliance_status, closed FROM recommendation WHERE id = $1 FOR UPDATE',
        [input.recommendationId],
      );
      // The register shows the latest follow-up round's recorded rating.
      await manager.query(
        `UPDATE recommendation r SET compliance_status = l.value, closed = l.closes, updated_at = $2
         FROM (SELECT rr.value, rr.closes FROM recommendation_rating rr JOIN state_evaluation e ON e.id = rr.follow_up_evaluation_id JOIN round ro ON ro.id = e.round_id
               WHERE rr.recommendation_id = $1 AND rr.value IS NOT NULL ORDER BY ro.number DESC, rr.recorded_at DESC LIMIT 1) l
         WHERE r.id = $1`,
        [input.recommendationId, now],
      );
      await this.audit.record(manager, {
        actor: caller,
        action: 'recommendation.rated',
        entity: { type: 'recommendation', id: input.recommendationId },
        summary: {
          evaluationId: evaluation.id,
          stateCode: evaluation.stateCode,
          value: input.value,
          closes,
          proposedValue: existing[0].proposed_value,
          previous: {
            complianceStatus: before.compliance_status,
            closed: before.closed,
            recordedValue: existing[0].value,
          },
        },
        requestId: meta.requestId,
        at: now,
      });
      return this.viewOf(manager, evaluation, true);
    });
  }

  private async lockVisible(
    manager: EntityManager,
    caller: Caller,
    evaluationId: string,
    meta: RequestMeta,
  ): Promise<LockedEvaluation> {
    if (!isUuid(evaluationId)) throw new DomainError('not_found', 'State evaluation was not found');
    const evaluation = await this.transitions.lock(manager, evaluationId);
    await this.access.assertCanSee(manager, caller, evaluation, meta);
    await this.assertFollowUp(manager, evaluation);
    return evaluation;
  }

  /** The recommendation must be one this evaluation asked about, the value one of the scale; returns whether it closes. */
  private async checkInput(
    manager: EntityManager,
    evaluation: { id: string; stateCode: string },
    input: RatingInput,
  ): Promise<boolean> {
    const asked: unknown[] = await manager.query(
      'SELECT 1 FROM follow_up_item WHERE evaluation_id = $1 AND recommendation_id = $2',
      [evaluation.id, input.recommendationId],
    );
    if (asked.length === 0) {
      throw fieldInvalid('/recommendationId', RECOMMENDATION_RULES.follow_up_recommendation, {
        recommendationId: input.recommendationId,
        stateCode: evaluation.stateCode,
      });
    }
    const entry = this.config.recommendations.ratingScale.find((s) => s.value === input.value);
    if (!entry)
      throw fieldInvalid('/value', RECOMMENDATION_RULES.rating_scale, {
        value: input.value,
        scale: this.config.recommendations.ratingScale.map((s) => s.value).join(', '),
      });
    if (input.justification.trim().length === 0)
      throw fieldInvalid('/justification', RECOMMENDATION_RULES.justification_required);
    return entry.closes;
  }

  private async find(
    manager: EntityManager,
    id: string,
  ): Promise<{ id: string; stateCode: string; roundId: string; status: EvaluationStatus }> {
    const rows: Array<{ id: string; state_code: string; round_id: string; status: EvaluationStatus }> = isUuid(id)
      ? await manager.query('SELECT id, state_code, round_id, status FROM state_evaluation WHERE id = $1', [id])
      : [];
    if (!rows[0]) throw new DomainError('not_found', 'State evaluation was not found');
    return { id: rows[0].id, stateCode: rows[0].state_code, roundId: rows[0].round_id, status: rows[0].status };
  }

  private async assertFollowUp(manager: EntityManager, evaluation: { roundId: string }): Promise<void> {
    const [round]: Array<{ kind: string }> = await manager.query('SELECT kind FROM round WHERE id = $1', [
      evaluation.roundId,
    ]);
    if (round?.kind !== 'follow_up') throw ruleConflict(RECOMMENDATION_RULES.not_follow_up_evaluation);
  }

  private async viewOf(
    manager: EntityManager,
    evaluation: { id: string; stateCode: string; roundId: string; status: EvaluationStatus },
    committee: boolean,
  ): Promise<FollowUpEvaluationView> {
    const rows: ItemRow[] = await manager.query(
      `SELECT fi.item_id, r.id, r.theme, r.articles, r.text, r.translations, r.compliance_status, r.closed,
              rr.proposed_value, rr.proposed_justification, rr.proposed_by, rr.proposed_at, rr.value, rr.justification, rr.closes, rr.recorded_by, rr.recorded_at
       FROM follow_up_item fi JOIN recommendation r ON r.id = fi.recommendation_id
       LEFT JOIN recommendation_rating rr ON rr.follow_up_evaluation_id = fi.evaluation_id AND rr.recommendation_id = fi.recommendation_id
       WHERE fi.evaluation_id = $1 ORDER BY fi.item_id`,
      [evaluation.id],
    );
    const [current]: Array<{ status: EvaluationStatus }> = await manager.query(
      'SELECT status FROM state_evaluation WHERE id = $1',
      [evaluation.id],
    );
    return {
      evaluationId: evaluation.id,
      stateCode: evaluation.stateCode,
      roundId: evaluation.roundId,
      status: current.status,
      items: rows.map((r) => ({
        itemId: r.item_id,
        recommendation: {
          id: r.id,
          theme: r.theme,
          articles: r.articles,
          text: r.text,
          translations: r.translations,
          complianceStatus: r.compliance_status,
          closed: r.closed,
        },
        proposal:
          committee && r.proposed_value && r.proposed_at
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
                recordedBy: r.recorded_by ?? '',
                recordedAt: r.recorded_at.toISOString(),
              }
            : null,
      })),
    };
  }
}
