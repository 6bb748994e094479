import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { CommitteeStandingService } from '@mesecvi/appointments';
import { AuditService } from '@mesecvi/audit';
import { Clock } from '@mesecvi/clock';
import { APP_CONFIG, type AppConfig } from '@mesecvi/config';
import { DomainError } from '@mesecvi/errors';
import { isUuid, type Caller, type RequestMeta } from '@mesecvi/http';
import { EvaluationTransitions, type EvaluationStatus, type LockedEvaluation } from '@mesecvi/rounds';
import { Outbox } from '@mesecvi/mail';
import { proposeRapporteurs } from './auto-assign';
import {
  ASSIGNMENT_SELECT,
  toAssignmentView,
  type RapporteurAssignmentRow,
  type RapporteurAssignmentView,
} from './rapporteur-assignment.view';
import { RapporteurNotices } from './rapporteur-notices.service';
import { rapporteurPool } from './rapporteur-pool';
import { ReviewAccess } from './review-access.service';
import { fieldInvalid, rethrowAsReviewConflict, ruleConflict } from './review-errors';
import { REVIEW_RULES } from './review-rules';

/** Rapporteurs join an evaluation once it is submitted, and while it is under review. */
const ASSIGNABLE: readonly EvaluationStatus[] = ['submitted', 'under_review'];

export interface RapporteurProposal {
  roundId: string;
  size: number;
  seed: string;
  assignments: Array<{ evaluationId: string; stateCode: string; expertUserIds: string[] }>;
  /** Expert id → open assignments after accepting the proposal. */
  loads: Record<string, number>;
  shortfalls: Array<{ stateCode: string; eligible: number }>;
}

export interface AcceptedAssignment {
  evaluationId: string;
  expertUserIds: string[];
}

/** `mailIds` collects the mails staged in the transaction, woken after it commits. */
type Ctx = { caller: Caller; meta: RequestMeta; now: Date; mailIds: string[] };

/** Assigning rapporteurs to state evaluations, one by one or for a whole round from a proposal. */
@Injectable()
export class RapporteurAssignments {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transitions: EvaluationTransitions,
    private readonly access: ReviewAccess,
    private readonly standing: CommitteeStandingService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly notices: RapporteurNotices,
    private readonly outbox: Outbox,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async assign(
    caller: Caller,
    evaluationId: string,
    expertUserIds: string[],
    meta: RequestMeta,
  ): Promise<RapporteurAssignmentView[]> {
    const now = await this.clock.now();
    const mailIds: string[] = [];
    const rows = await this.dataSource
      .transaction(async (manager) => {
        const evaluation = await this.lock(manager, evaluationId);
        await this.access.assertMayAssign(manager, caller, evaluation, meta);
        await this.add(manager, evaluation, expertUserIds, '/expertUserIds', { caller, meta, now, mailIds });
        return this.rows(manager, 'a.evaluation_id = $1', [evaluation.id]);
      })
      .catch(rethrowAsReviewConflict);
    await this.outbox.wake(mailIds);
    return rows;
  }

  /** A full proposal for the round's submitted evaluations (nothing is written); size defaults to RAPPORTEURS_PER_STATE. */
  async propose(roundId: string, requestedSize: number | null, seed: string): Promise<RapporteurProposal> {
    const size = requestedSize ?? this.config.reports.rapporteursPerState;
    const manager = this.dataSource.manager;
    const evaluations = await this.roundEvaluations(manager, roundId, `e.status = 'submitted'`);
    const pool = await rapporteurPool(manager);
    const experts = [];
    for (const member of pool)
      experts.push({
        id: member.id,
        excludedStates: await this.standing.excludedStates(member.id, manager),
        currentLoad: member.openAssignments,
      });
    const result = proposeRapporteurs({ stateCodes: evaluations.map((e) => e.stateCode), experts, size, seed });
    return {
      roundId,
      size,
      seed,
      assignments: evaluations.map((e) => ({
        evaluationId: e.id,
        stateCode: e.stateCode,
        expertUserIds: result.assignments[e.stateCode] ?? [],
      })),
      loads: result.loads,
      shortfalls: result.shortfalls,
    };
  }

  /** Accepts a (possibly edited) proposal in one transaction: every rule is checked again. */
  async accept(
    caller: Caller,
    roundId: string,
    assignments: AcceptedAssignment[],
    meta: RequestMeta,
  ): Promise<RapporteurAssignmentView[]> {
    const now = await this.clock.now();
    const inRound = new Set((await this.roundEvaluations(this.dataSource.manager, roundId, 'TRUE')).map((e) => e.id));
    assignments.forEach((a, i) => {
      if (!inRound.has(a.evaluationId))
        throw fieldInvalid(`/assignments/${i}/evaluationId`, REVIEW_RULES.evaluation_in_round);
    });
    const mailIds: string[] = [];
    const rows = await this.dataSource
      .transaction(async (manager) => {
        // Locked in id order, so two acceptances cannot deadlock.
        const ordered = assignments
          .map((a, i) => ({ ...a, i }))
          .sort((a, b) => (a.evaluationId < b.evaluationId ? -1 : 1));
        for (const a of ordered) {
          const evaluation = await this.lock(manager, a.evaluationId);
          await this.access.assertMayAssign(manager, caller, evaluation, meta);
          await this.add(manager, evaluation, a.expertUserIds, `/assignments/${a.i}/expertUserIds`, {
            caller,
            meta,
            now,
            mailIds,
          });
        }
        return this.rows(manager, 'e.round_id = $1', [roundId]);
      })
      .catch(rethrowAsReviewConflict);
    await this.outbox.wake(mailIds);
    return rows;
  }

  /** The evaluation's rapporteurs, for whoever may see its review. */
  async listForEvaluation(
    caller: Caller,
    evaluationId: string,
    meta: RequestMeta,
  ): Promise<RapporteurAssignmentView[]> {
    const manager = this.dataSource.manager;
    const evaluation = await this.find(manager, evaluationId);
    await this.access.assertCanSee(manager, caller, evaluation, meta);
    return this.rows(manager, 'a.evaluation_id = $1', [evaluation.id]);
  }

  /** A round's assignments: the secretariat sees all (flagging experts no longer appointed), an expert their own. */
  async listForRound(caller: Caller, roundId: string): Promise<RapporteurAssignmentView[]> {
    if (!isUuid(roundId)) throw new DomainError('not_found', 'Round was not found');
    if (caller.role === 'secretariat') return this.rows(this.dataSource.manager, 'e.round_id = $1', [roundId]);
    return this.rows(this.dataSource.manager, 'e.round_id = $1 AND a.expert_user_id = $2', [roundId, caller.userId]);
  }

  async withdraw(caller: Caller, assignmentId: string, meta: RequestMeta): Promise<RapporteurAssignmentView> {
    const now = await this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      const found: Array<{ evaluation_id: string; status: string }> = isUuid(assignmentId)
        ? await manager.query('SELECT evaluation_id, status FROM rapporteur_assignment WHERE id = $1', [assignmentId])
        : [];
      if (!found[0]) throw new DomainError('not_found', 'Rapporteur assignment was not found');
      const evaluation = await this.lock(manager, found[0].evaluation_id);
      await this.access.assertMayAssign(manager, caller, evaluation, meta);
      if (found[0].status !== 'open')
        throw ruleConflict(REVIEW_RULES.assignment_not_open, { assignmentStatus: found[0].status });
      await manager.query(`UPDATE rapporteur_assignment SET status = 'withdrawn', closed_at = $2 WHERE id = $1`, [
        assignmentId,
        now,
      ]);
      await this.audit.record(manager, {
        actor: caller,
        action: 'rapporteur_assignment.withdrawn',
        entity: { type: 'rapporteur_assignment', id: assignmentId },
        summary: { evaluationId: evaluation.id, stateCode: evaluation.stateCode },
        requestId: meta.requestId,
        at: now,
      });
      return (await this.rows(manager, 'a.id = $1', [assignmentId]))[0];
    });
  }

  /** Adds rapporteurs to a locked evaluation; the first ones move it to `under_review`. */
  private async add(
    manager: EntityManager,
    evaluation: LockedEvaluation,
    expertUserIds: string[],
    pointer: string,
    ctx: Ctx,
  ): Promise<void> {
    if (!ASSIGNABLE.includes(evaluation.status)) {
      throw ruleConflict(
        REVIEW_RULES.evaluation_not_reviewable,
        { evaluationStatus: evaluation.status },
        { evaluationStatus: evaluation.status },
      );
    }
    const ids = [...new Set(expertUserIds)];
    const pool = new Set((await rapporteurPool(manager, ids)).map((m) => m.id));
    for (const [i, id] of ids.entries()) {
      if (!pool.has(id)) throw fieldInvalid(`${pointer}/${i}`, REVIEW_RULES.committee_member);
      if ((await this.standing.excludedStates(id, manager)).includes(evaluation.stateCode)) {
        throw ruleConflict(
          REVIEW_RULES.rapporteur_excluded_named_state,
          { stateCode: evaluation.stateCode },
          { expertUserId: id, stateCode: evaluation.stateCode },
        );
      }
      const inserted: Array<{ id: string }> = await manager.query(
        `INSERT INTO rapporteur_assignment (evaluation_id, expert_user_id, assigned_by, assigned_at, status) VALUES ($1, $2, $3, $4, 'open') RETURNING id`,
        [evaluation.id, id, ctx.caller.userId, ctx.now],
      );
      await this.audit.record(manager, {
        actor: ctx.caller,
        action: 'rapporteur_assignment.created',
        entity: { type: 'rapporteur_assignment', id: inserted[0].id },
        summary: { evaluationId: evaluation.id, stateCode: evaluation.stateCode, expertUserId: id },
        requestId: ctx.meta.requestId,
        at: ctx.now,
      });
      ctx.mailIds.push(
        ...(await this.notices.stage(
          manager,
          {
            evaluationId: evaluation.id,
            event: 'assigned',
            related: { type: 'rapporteur_assignment', id: inserted[0].id },
            expertUserIds: [id],
          },
          ctx.now,
        )),
      );
    }
    if (evaluation.status === 'submitted' && ids.length > 0) {
      await this.transitions.apply(
        manager,
        evaluation,
        'rapporteurs_assigned',
        { actor: ctx.caller, requestId: ctx.meta.requestId, now: ctx.now },
        { rapporteurs: ids.length },
      );
    }
  }

  private async lock(manager: EntityManager, evaluationId: string): Promise<LockedEvaluation> {
    if (!isUuid(evaluationId)) throw new DomainError('not_found', 'State evaluation was not found');
    return this.transitions.lock(manager, evaluationId);
  }

  private async find(manager: EntityManager, evaluationId: string): Promise<{ id: string; stateCode: string }> {
    const rows: Array<{ id: string; state_code: string }> = isUuid(evaluationId)
      ? await manager.query('SELECT id, state_code FROM state_evaluation WHERE id = $1', [evaluationId])
      : [];
    if (!rows[0]) throw new DomainError('not_found', 'State evaluation was not found');
    return { id: rows[0].id, stateCode: rows[0].state_code };
  }

  private async roundEvaluations(
    manager: EntityManager,
    roundId: string,
    where: string,
  ): Promise<Array<{ id: string; stateCode: string }>> {
    if (!isUuid(roundId)) throw new DomainError('not_found', 'Round was not found');
    const round: unknown[] = await manager.query('SELECT 1 FROM round WHERE id = $1', [roundId]);
    if (round.length === 0) throw new DomainError('not_found', 'Round was not found');
    const rows: Array<{ id: string; state_code: string }> = await manager.query(
      `SELECT e.id, e.state_code FROM state_evaluation e WHERE e.round_id = $1 AND ${where} ORDER BY e.state_code`,
      [roundId],
    );
    return rows.map((r) => ({ id: r.id, stateCode: r.state_code }));
  }

  private async rows(manager: EntityManager, where: string, params: unknown[]): Promise<RapporteurAssignmentView[]> {
    const rows: RapporteurAssignmentRow[] = await manager.query(
      `${ASSIGNMENT_SELECT} WHERE ${where} ORDER BY e.state_code, a.assigned_at, u.name`,
      params,
    );
    return rows.map(toAssignmentView);
  }
}
