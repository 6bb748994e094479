import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { AuditService } from '@mesecvi/audit';
import { Clock } from '@mesecvi/clock';
import { APP_CONFIG, type AppConfig } from '@mesecvi/config';
import { ruleConflict } from '@mesecvi/errors';
import { RECOMMENDATION_RULES } from './recommendation-rules';
import type { RequestMeta } from '@mesecvi/http';
import { Outbox } from '@mesecvi/mail';
import { QuestionnaireRegistry } from '@mesecvi/questionnaires';
import { DistributionService, RoundsService } from '@mesecvi/rounds';
import { StateParty } from '@mesecvi/states';
import { buildFollowUpQuestionnaire, MAX_FOLLOW_UP_ITEMS, type OpenRecommendation } from './follow-up-questionnaire';

export interface GeneratedStateQuestionnaire {
  stateCode: string;
  evaluationId: string;
  questionnaire: { id: string; key: string; version: number };
  recommendationIds: string[];
}

export interface FollowUpGeneration {
  roundId: string;
  evaluationRoundId: string;
  generated: GeneratedStateQuestionnaire[];
  /** States evaluated in the evaluation round with no open recommendation: not distributed to. */
  notDistributed: string[];
}

/**
 * Opens a follow-up round: for each state with open recommendations of the evaluation round
 * (adopted, not closed by a rating), a questionnaire generated from them, registered and frozen in
 * the registry, and distributed through the rounds' own distribution (evaluation, draft, deadline
 * and reminders, mail) — all in one transaction with the round locked, so it happens once.
 */
@Injectable()
export class FollowUpRounds {
  constructor(
    private readonly dataSource: DataSource,
    private readonly rounds: RoundsService,
    private readonly distribution: DistributionService,
    private readonly registry: QuestionnaireRegistry,
    private readonly outbox: Outbox,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async generate(roundId: string, meta: RequestMeta): Promise<FollowUpGeneration> {
    const now = await this.clock.now();
    const { result, mailIds } = await this.dataSource.transaction(async (manager) => {
      const round = await this.rounds.find(manager, roundId, true);
      if (round.kind !== 'follow_up' || !round.evaluationRoundId)
        throw ruleConflict(RECOMMENDATION_RULES.not_follow_up_round);
      if (round.phase !== 'open_for_responses') {
        throw ruleConflict(RECOMMENDATION_RULES.distribution_phase, {}, { phase: round.phase });
      }
      const [{ n }]: Array<{ n: number }> = await manager.query(
        'SELECT count(*)::int AS n FROM state_evaluation WHERE round_id = $1',
        [round.id],
      );
      if (n > 0) throw ruleConflict(RECOMMENDATION_RULES.follow_up_already_generated);
      const open: Array<OpenRecommendation & { state_code: string }> = await manager.query(
        `SELECT r.id, r.state_code, r.theme, r.articles, r.text, r.translations FROM recommendation r JOIN state_evaluation e ON e.id = r.evaluation_id
         WHERE e.round_id = $1 AND r.status = 'adopted' AND NOT r.closed ORDER BY r.state_code, r.seq`,
        [round.evaluationRoundId],
      );
      const byState = new Map<string, OpenRecommendation[]>();
      for (const r of open)
        byState.set(r.state_code, [
          ...(byState.get(r.state_code) ?? []),
          { id: r.id, theme: r.theme, articles: r.articles, text: r.text, translations: r.translations },
        ]);
      if (byState.size === 0) throw ruleConflict(RECOMMENDATION_RULES.no_open_recommendations);
      const tooMany = [...byState].find(([, recs]) => recs.length > MAX_FOLLOW_UP_ITEMS);
      if (tooMany)
        throw ruleConflict(RECOMMENDATION_RULES.too_many_recommendations, {
          stateCode: tooMany[0],
          count: tooMany[1].length,
          maximum: MAX_FOLLOW_UP_ITEMS,
        });
      const evaluated: Array<{ state_code: string }> = await manager.query(
        'SELECT state_code FROM state_evaluation WHERE round_id = $1 ORDER BY state_code',
        [round.evaluationRoundId],
      );
      const states = await manager.getRepository(StateParty).findBy({ code: In([...byState.keys()]) });
      const scale = this.config.recommendations.ratingScale.map((s) => s.value);
      const generated: GeneratedStateQuestionnaire[] = [];
      const mailIds: string[] = [];
      for (const state of states.sort((a, b) => a.code.localeCompare(b.code))) {
        const recommendations = byState.get(state.code) as OpenRecommendation[];
        const built = buildFollowUpQuestionnaire({
          followUpRoundNumber: round.number,
          stateCode: state.code,
          workingLanguage: state.workingLanguage,
          recommendations,
          scale,
        });
        const version = await this.registry.registerGenerated(manager, built.questionnaire, now);
        await this.registry.freeze(manager, version.id, now);
        const distributed = await this.distribution.distributeTo(manager, round, state, version.id, meta, now);
        for (const item of built.items) {
          await manager.query(
            'INSERT INTO follow_up_item (evaluation_id, item_id, recommendation_id) VALUES ($1, $2, $3)',
            [distributed.evaluationId, item.itemId, item.recommendationId],
          );
        }
        mailIds.push(...distributed.mailIds);
        generated.push({
          stateCode: state.code,
          evaluationId: distributed.evaluationId,
          questionnaire: { id: version.id, key: version.key, version: version.version },
          recommendationIds: built.items.map((i) => i.recommendationId),
        });
      }
      const result: FollowUpGeneration = {
        roundId: round.id,
        evaluationRoundId: round.evaluationRoundId,
        generated,
        notDistributed: evaluated.map((e) => e.state_code).filter((code) => !byState.has(code)),
      };
      await this.audit.record(manager, {
        actor: meta.caller,
        action: 'round.follow_up_generated',
        entity: { type: 'round', id: round.id },
        summary: {
          evaluationRoundId: round.evaluationRoundId,
          states: generated.map((g) => g.stateCode),
          recommendations: open.length,
          notDistributed: result.notDistributed,
        },
        requestId: meta.requestId,
        at: now,
      });
      return { result, mailIds };
    });
    await this.outbox.wake(mailIds);
    return result;
  }
}
