import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '@mesecvi/audit';
import { Clock } from '@mesecvi/clock';
import { APP_CONFIG, type AppConfig } from '@mesecvi/config';
import { DeadlinesService, focalPointPageLink, RecipientDirectory } from '@mesecvi/deadlines';
import { DomainError, ruleConflict } from '@mesecvi/errors';
import { ROUND_RULES } from './round-rules';
import type { RequestMeta } from '@mesecvi/http';
import { Outbox } from '@mesecvi/mail';
import { StateParty, stateName } from '@mesecvi/states';
import { AnswerDraft } from './answer-draft.entity';
import type { Round } from './round.entity';
import { RoundsService } from './rounds.service';
import { StateEvaluation } from './state-evaluation.entity';
import { appRoutes, webLink } from '@mesecvi/web-links';

export interface DistributionResult {
  distributed: string[];
  alreadyDistributed: string[];
}

/**
 * Sends a round's questionnaire to states: one state evaluation each, its empty version-0 draft,
 * its response deadline (with the reminder ladder) and a mail to the state's focal point (its
 * permanent mission while it has none) and contributors. The round row is locked, so two distributions at once serialise and the second
 * finds the first's evaluations: no duplicate rows, no second mail.
 */
@Injectable()
export class DistributionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly rounds: RoundsService,
    private readonly deadlines: DeadlinesService,
    private readonly recipients: RecipientDirectory,
    private readonly outbox: Outbox,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async distribute(roundId: string, stateCodes: string[] | undefined, meta: RequestMeta): Promise<DistributionResult> {
    const now = await this.clock.now();
    const { result, mailIds } = await this.dataSource.transaction(async (manager) => {
      const round = await this.rounds.find(manager, roundId, true);
      if (round.phase !== 'open_for_responses') {
        throw ruleConflict(ROUND_RULES.distribution_phase, {}, { phase: round.phase });
      }
      if (round.kind === 'follow_up') {
        throw ruleConflict(ROUND_RULES.follow_up_distributed_by_generation);
      }
      if (!round.questionnaireVersionId || !round.responseDueDate)
        throw new DomainError('conflict', 'The round needs its questionnaire and response due date.');
      const states = await manager.getRepository(StateParty).find({ order: { code: 'ASC' } });
      const byCode = new Map(states.map((s) => [s.code, s]));
      const targets = stateCodes ? [...new Set(stateCodes.map((c) => c.toUpperCase()))] : states.map((s) => s.code);
      const unknown = targets.filter((c) => !byCode.has(c));
      if (unknown.length > 0) {
        throw new DomainError('validation_failed', 'Unknown state parties.', {
          errors: unknown.map((c) => ({
            pointer: `/stateCodes/${(stateCodes ?? []).findIndex((s) => s.toUpperCase() === c)}`,
            message: `${c} is not a state party`,
          })),
        });
      }
      const rows: Array<{ state_code: string }> = await manager.query(
        'SELECT state_code FROM state_evaluation WHERE round_id = $1',
        [round.id],
      );
      const existing = new Set(rows.map((r) => r.state_code));
      const result: DistributionResult = {
        distributed: [],
        alreadyDistributed: targets.filter((c) => existing.has(c)),
      };
      const mailIds: string[] = [];
      for (const code of targets.filter((c) => !existing.has(c))) {
        mailIds.push(
          ...(
            await this.distributeTo(
              manager,
              round,
              byCode.get(code) as StateParty,
              round.questionnaireVersionId,
              meta,
              now,
            )
          ).mailIds,
        );
        result.distributed.push(code);
      }
      return { result, mailIds };
    });
    await this.outbox.wake(mailIds);
    return result;
  }

  /**
   * One state's evaluation with `questionnaireVersionId` (the round's, or a questionnaire generated
   * for that state, e.g. a follow-up one), in the caller's transaction with the round locked. The
   * staged mails' ids are returned for the caller to wake after commit.
   */
  async distributeTo(
    manager: EntityManager,
    round: Round,
    state: StateParty,
    questionnaireVersionId: string,
    meta: RequestMeta,
    now: Date,
  ): Promise<{ evaluationId: string; mailIds: string[] }> {
    if (!round.responseDueDate) throw new DomainError('conflict', 'The round needs its response due date.');
    const inserted = await manager.getRepository(StateEvaluation).insert({
      roundId: round.id,
      stateCode: state.code,
      questionnaireVersionId,
      status: 'invited',
      distributedAt: now,
      updatedAt: now,
    });
    const evaluation = { id: String(inserted.identifiers[0].id) };
    await manager
      .getRepository(AnswerDraft)
      .insert({ evaluationId: evaluation.id, document: {}, version: 0, updatedAt: now, updatedBy: null });
    const deadline = await this.deadlines.create(
      manager,
      {
        kind: 'response',
        subject: { type: 'state_evaluation', id: evaluation.id },
        stateCode: state.code,
        dueDate: round.responseDueDate,
      },
      { actor: meta.caller, requestId: meta.requestId, now },
    );
    await manager.getRepository(StateEvaluation).update({ id: evaluation.id }, { responseDeadlineId: deadline.id });
    await this.audit.record(manager, {
      actor: meta.caller,
      action: 'state_evaluation.distributed',
      entity: { type: 'state_evaluation', id: evaluation.id },
      summary: { roundId: round.id, stateCode: state.code, questionnaireVersionId, deadlineId: deadline.id },
      requestId: meta.requestId,
      at: now,
    });
    const people = [
      ...(await this.recipients.resolveFocalPointOrMission(manager, state.code)),
      ...(await this.recipients.resolve(manager, 'contributors', state.code)),
    ];
    const standIns = new Set(people.filter((p) => p.standsInForFocalPoint).map((p) => p.address));
    const mailIds = await this.outbox.stageForEach(
      manager,
      people,
      {
        kind: 'distribution',
        template: 'questionnaire_distributed',
        stateCode: state.code,
        related: { type: 'state_evaluation', id: evaluation.id },
        dedupPrefix: `distribution:${evaluation.id}`,
        nobody: {
          language: state.workingLanguage,
          role: 'state_focal_point',
          reason: `no active focal point or contributor for ${state.code}`,
        },
      },
      (person) => ({
        recipientName: person.name ?? stateName(state, person.language),
        roundName: round.name,
        stateName: stateName(state, person.language),
        dueDate: round.responseDueDate as string,
        // A mission has no account: a sign-in page would be a dead end, the public page is not.
        link: standIns.has(person.address)
          ? focalPointPageLink(this.config.http.publicBaseUrl, person.language)
          : webLink(this.config.http.publicBaseUrl, appRoutes.evaluation.path(evaluation.id)),
        ...(standIns.has(person.address)
          ? { designateFocalPointUrl: focalPointPageLink(this.config.http.publicBaseUrl, person.language) }
          : {}),
      }),
      now,
    );
    return { evaluationId: evaluation.id, mailIds };
  }
}
