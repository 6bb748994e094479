import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { AuditService } from '@mesecvi/audit';
import { Clock } from '@mesecvi/clock';
import { APP_CONFIG, type AppConfig } from '@mesecvi/config';
import { addDays, checkPastDue, DeadlinesService, localDate } from '@mesecvi/deadlines';
import { DomainError, ruleConflict } from '@mesecvi/errors';
import { ROUND_RULES } from './round-rules';
import type { RequestMeta } from '@mesecvi/http';
import { QuestionnaireRegistry } from '@mesecvi/questionnaires';
import { nextEvaluationStatus } from './evaluation-status';
import { assertPhaseTransition, type RoundPhase } from './round-phase';
import { Round, type RoundKind } from './round.entity';
import { toRoundView, type RoundView } from './round.view';
import { StateEvaluation } from './state-evaluation.entity';
import { isUuid } from '@mesecvi/http';

export interface RoundInput {
  kind: RoundKind;
  name: string;
  number: number;
  evaluationRoundId?: string | null;
}

export interface RoundChanges {
  name?: string;
  questionnaireVersionId?: string | null;
  responseDueDate?: string | null;
  responseDays?: number;
  observationsDays?: number;
  followUpDays?: number;
  /** Says a response due date before today is intended (entering a past round); audited. */
  confirmPastDue?: boolean;
}

/** Rounds and their phases; phases change only through `advance`, which checks and audits. */
@Injectable()
export class RoundsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly registry: QuestionnaireRegistry,
    private readonly deadlines: DeadlinesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(): Promise<RoundView[]> {
    const rows = await this.dataSource.getRepository(Round).find({ order: { kind: 'ASC', number: 'DESC' } });
    return rows.map(toRoundView);
  }

  async get(id: string): Promise<RoundView> {
    return toRoundView(await this.find(this.dataSource.manager, id));
  }

  async find(manager: EntityManager, id: string, lock = false): Promise<Round> {
    if (!isUuid(id)) throw new DomainError('not_found', 'Round was not found');
    const query = manager.getRepository(Round).createQueryBuilder('r').where('r.id = :id', { id });
    if (lock) query.setLock('pessimistic_write');
    const round = await query.getOne();
    if (!round) throw new DomainError('not_found', 'Round was not found');
    return round;
  }

  async create(input: RoundInput, meta: RequestMeta): Promise<RoundView> {
    const now = await this.clock.now();
    return this.dataSource
      .transaction(async (manager) => {
        if (input.kind === 'follow_up') {
          if (!input.evaluationRoundId) {
            throw new DomainError('validation_failed', 'A follow-up round belongs to an evaluation round.', {
              errors: [{ pointer: '/evaluationRoundId', message: 'is required for a follow-up round' }],
            });
          }
          const parent = await this.find(manager, input.evaluationRoundId);
          if (parent.kind !== 'evaluation')
            throw new DomainError('conflict', 'A follow-up round must follow an evaluation round.');
        } else if (input.evaluationRoundId) {
          throw new DomainError('validation_failed', 'Only a follow-up round names an evaluation round.', {
            errors: [{ pointer: '/evaluationRoundId', message: 'must be empty for an evaluation round' }],
          });
        }
        const inserted = await manager.getRepository(Round).insert({
          kind: input.kind,
          name: input.name.trim(),
          number: input.number,
          evaluationRoundId: input.evaluationRoundId ?? null,
          phase: 'planning',
          createdAt: now,
          updatedAt: now,
        });
        const round = await this.find(manager, String(inserted.identifiers[0].id));
        await this.audit.record(manager, {
          actor: meta.caller,
          action: 'round.created',
          entity: { type: 'round', id: round.id },
          summary: { kind: round.kind, number: round.number },
          requestId: meta.requestId,
          at: now,
        });
        return toRoundView(await this.find(manager, round.id));
      })
      .catch((e: unknown) => {
        const err = e as { driverError?: { code?: string; constraint?: string } };
        if (err.driverError?.code === '23505' && err.driverError.constraint === 'UQ_round_kind_number') {
          throw new DomainError(
            'conflict',
            `There is already a ${input.kind.replace('_', '-')} round number ${input.number}.`,
          );
        }
        throw e;
      });
  }

  /** Calendar and questionnaire can change until responses open; the questionnaire is frozen once adopted. */
  async update(id: string, input: RoundChanges, meta: RequestMeta): Promise<RoundView> {
    const now = await this.clock.now();
    const { confirmPastDue, ...changes } = input;
    const confirmedPastDue = changes.responseDueDate
      ? checkPastDue('/responseDueDate', changes.responseDueDate, now, this.config.mechanism.timeZone, confirmPastDue)
      : false;
    return this.dataSource.transaction(async (manager) => {
      const round = await this.find(manager, id, true);
      if (changes.questionnaireVersionId !== undefined && round.kind === 'follow_up') {
        throw ruleConflict(ROUND_RULES.follow_up_has_no_common_questionnaire);
      }
      if (changes.questionnaireVersionId !== undefined && round.phase !== 'planning') {
        throw ruleConflict(ROUND_RULES.questionnaire_frozen_after_adoption);
      }
      if (round.phase === 'closed') throw new DomainError('conflict', 'A closed round cannot change.');
      if (changes.questionnaireVersionId) {
        await this.registry.get(changes.questionnaireVersionId, manager).catch(() => {
          throw new DomainError('validation_failed', 'Unknown questionnaire version.', {
            errors: [{ pointer: '/questionnaireVersionId', message: 'is not a registered questionnaire version' }],
          });
        });
      }
      await manager.getRepository(Round).update({ id }, { ...changes, updatedAt: now, version: () => 'version + 1' });
      await this.audit.record(manager, {
        actor: meta.caller,
        action: 'round.updated',
        entity: { type: 'round', id },
        summary: { fields: Object.keys(changes), ...(confirmedPastDue ? { confirmedPastDue: true } : {}) },
        requestId: meta.requestId,
        at: now,
      });
      return toRoundView(await this.find(manager, id));
    });
  }

  /**
   * Moves the round one phase forward. Closing the response period turns evaluations that never
   * submitted into `no_response` in the same transaction (late submissions were accepted until now).
   */
  async advance(id: string, to: RoundPhase, meta: RequestMeta): Promise<RoundView> {
    const now = await this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      const round = await this.find(manager, id, true);
      if (to === 'open_for_responses' && round.phase === 'questionnaire_adopted' && !round.responseDueDate) {
        // No date set by hand: the round's default period (90 days unless changed) from today.
        round.responseDueDate = addDays(localDate(now, this.config.mechanism.timeZone), round.responseDays);
        await manager.getRepository(Round).update({ id }, { responseDueDate: round.responseDueDate });
      }
      // A follow-up round has no common questionnaire: each state's is generated from its open recommendations.
      assertPhaseTransition(round.phase, to, {
        hasQuestionnaire: round.questionnaireVersionId !== null || round.kind === 'follow_up',
        hasResponseDueDate: round.responseDueDate !== null,
      });
      // Once adopted, the version is in use: the registry refuses to change or delete it.
      if (to === 'questionnaire_adopted' && round.questionnaireVersionId)
        await this.registry.freeze(manager, round.questionnaireVersionId, now);
      await manager.getRepository(Round).update({ id }, { phase: to, updatedAt: now, version: () => 'version + 1' });
      await this.audit.record(manager, {
        actor: meta.caller,
        action: 'round.phase_changed',
        entity: { type: 'round', id },
        summary: { from: round.phase, to },
        requestId: meta.requestId,
        at: now,
      });
      if (to === 'analysis') await this.markNoResponse(manager, round.id, meta, now);
      return toRoundView(await this.find(manager, id));
    });
  }

  private async markNoResponse(manager: EntityManager, roundId: string, meta: RequestMeta, now: Date): Promise<void> {
    const silent = await manager
      .getRepository(StateEvaluation)
      .find({ where: { roundId, status: In(['invited', 'drafting']) }, lock: { mode: 'pessimistic_write' } });
    for (const evaluation of silent) {
      const to = nextEvaluationStatus(evaluation.status, 'response_period_closed');
      if (!to) continue;
      await manager
        .getRepository(StateEvaluation)
        .update({ id: evaluation.id }, { status: to, updatedAt: now, version: () => 'version + 1' });
      // The response period is over: its reminders stop.
      if (evaluation.responseDeadlineId) {
        await this.deadlines.cancel(manager, evaluation.responseDeadlineId, 'response period closed: no response', {
          actor: meta.caller,
          requestId: meta.requestId,
          now,
        });
      }
      await this.audit.record(manager, {
        actor: meta.caller,
        action: 'state_evaluation.status_changed',
        entity: { type: 'state_evaluation', id: evaluation.id },
        summary: { from: evaluation.status, to, stateCode: evaluation.stateCode, event: 'response_period_closed' },
        requestId: meta.requestId,
        at: now,
      });
    }
  }
}
