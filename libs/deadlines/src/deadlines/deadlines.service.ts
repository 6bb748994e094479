import { Inject, Injectable } from '@nestjs/common';
import { QueryFailedError, type EntityManager } from 'typeorm';
import { AuditService } from '@mesecvi/audit';
import { APP_CONFIG, type AppConfig } from '@mesecvi/config';
import { DomainError } from '@mesecvi/errors';
import type { Caller } from '@mesecvi/http';
import { DEADLINE_KINDS, type DeadlineChange, type DeadlineKind, type TitleTranslations } from '../deadline-vocabulary';
import { dueInstant, isCalendarDate } from '../deadline-time';
import { ReminderPlanner } from '../reminders/reminder-planner.service';
import { DeadlineVersion } from './deadline-version.entity';
import { Deadline } from './deadline.entity';
import { toDeadlineView, toHistoryEntry, type DeadlineHistoryEntry, type DeadlineView } from './deadline.view';

export interface DeadlineInput {
  kind: DeadlineKind;
  /** What the deadline belongs to (e.g. `{ type: 'state_evaluation', id }`). */
  subject: { type: string; id: string };
  stateCode: string;
  /** YYYY-MM-DD: due at the end of that day. */
  dueDate: string;
  /** What is due, in words; required for `ad_hoc`. */
  title?: string | null;
  /** The title in the other working languages (`title` is the English one and the fallback). */
  titleTranslations?: TitleTranslations | null;
  /** Defaults to the mechanism's time zone (MECHANISM_TIME_ZONE). */
  timeZone?: string;
}

/** Who changes a deadline and when; `now` is the clock's time of the caller's transaction. */
export interface DeadlineChangeContext {
  /** Null when the platform itself acts (a job, another deadline passing). */
  actor: Caller | null;
  requestId?: string | null;
  now: Date;
  /** The request confirmed a due date before today (entering history); the audit event says so. */
  confirmedPastDue?: boolean;
}

export interface DeadlineMove {
  dueDate: string;
  /** Why: "extension granted on request of 3 March", "correction: typo in the date"… */
  reason: string;
  /** When given, the move applies only if the deadline is still at this version (else 412). */
  expectedVersion?: number;
}

const isUniqueViolation = (e: unknown): boolean =>
  e instanceof QueryFailedError && (e as QueryFailedError & { code?: string }).code === '23505';

/**
 * The deadlines engine's public API. Every method runs in the caller's
 * transaction: other libraries create, move, complete and cancel deadlines together with their
 * own changes, and the reminder rows, the history row and the audit event commit with them.
 */
@Injectable()
export class DeadlinesService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly planner: ReminderPlanner,
    private readonly audit: AuditService,
  ) {}

  async create(manager: EntityManager, input: DeadlineInput, ctx: DeadlineChangeContext): Promise<DeadlineView> {
    const timeZone = input.timeZone ?? this.config.mechanism.timeZone;
    this.checkInput(input, timeZone);
    const stateCode = input.stateCode.toUpperCase();
    const exists: unknown[] = await manager.query('SELECT 1 FROM state_party WHERE code = $1', [stateCode]);
    if (exists.length === 0) throw new DomainError('not_found', `State party ${input.stateCode} was not found`);
    const row: Partial<Deadline> = {
      kind: input.kind,
      subjectType: input.subject.type,
      subjectId: input.subject.id,
      stateCode,
      title: input.title ?? null,
      titleTranslations: input.titleTranslations ?? null,
      dueDate: input.dueDate,
      timeZone,
      dueAt: dueInstant(input.dueDate, timeZone),
      version: 1,
      status: 'open',
      createdAt: ctx.now,
      updatedAt: ctx.now,
    };
    let id: string;
    try {
      id = ((await manager.getRepository(Deadline).insert(row)).identifiers[0] as { id: string }).id;
    } catch (e) {
      if (isUniqueViolation(e))
        throw new DomainError(
          'conflict',
          `A ${input.kind} deadline already exists for this ${input.subject.type} and ${stateCode}.`,
        );
      throw e;
    }
    const deadline = await this.lock(manager, id);
    await this.planner.plan(manager, deadline, ctx.now);
    await this.record(manager, deadline, 'created', null, ctx, {
      kind: deadline.kind,
      stateCode,
      subject: input.subject,
      dueDate: deadline.dueDate,
    });
    return toDeadlineView(deadline);
  }

  /**
   * An extension or a correction: a new version with a fresh ladder; the old version's unsent
   * reminders are superseded, and rules of the new ladder whose moment has passed are not sent.
   * A passed deadline moved into the future is open again.
   */
  async move(
    manager: EntityManager,
    id: string,
    move: DeadlineMove,
    ctx: DeadlineChangeContext,
  ): Promise<DeadlineView> {
    if (!isCalendarDate(move.dueDate)) throw invalid('/dueDate', 'dueDate must be a calendar date (YYYY-MM-DD)');
    if (move.reason.trim().length === 0) throw invalid('/reason', 'reason is required');
    const deadline = await this.lock(manager, id);
    if (move.expectedVersion !== undefined && move.expectedVersion !== deadline.version) {
      throw new DomainError('precondition_failed', 'The deadline changed since you read it.', {
        headers: { etag: `"${deadline.version}"` },
        extensions: { currentEtag: `"${deadline.version}"` },
      });
    }
    if (deadline.status === 'completed' || deadline.status === 'cancelled')
      throw new DomainError('conflict', `The deadline is ${deadline.status}; it cannot be moved.`);
    if (move.dueDate === deadline.dueDate)
      throw new DomainError('conflict', `The deadline is already due on ${deadline.dueDate}.`);
    const from = deadline.dueDate;
    const dueAt = dueInstant(move.dueDate, deadline.timeZone);
    const status = deadline.status === 'passed' && dueAt.getTime() > ctx.now.getTime() ? 'open' : deadline.status;
    await manager.query(
      `UPDATE deadline SET due_date = $2, due_at = $3, version = version + 1, status = $4, updated_at = $5 WHERE id = $1`,
      [id, move.dueDate, dueAt, status, ctx.now],
    );
    const moved = await this.lock(manager, id);
    await this.planner.supersedeUnsent(manager, id, 'moved', ctx.now);
    await this.planner.plan(manager, moved, ctx.now);
    await this.record(manager, moved, 'moved', move.reason, ctx, { from, to: moved.dueDate, version: moved.version });
    return toDeadlineView(moved);
  }

  /** The awaited thing arrived (late or not): nothing more is sent. Completing twice is a no-op. */
  async complete(
    manager: EntityManager,
    id: string,
    ctx: DeadlineChangeContext,
    reason: string | null = null,
  ): Promise<DeadlineView> {
    const deadline = await this.lock(manager, id);
    if (deadline.status === 'completed') return toDeadlineView(deadline);
    if (deadline.status === 'cancelled')
      throw new DomainError('conflict', 'The deadline was cancelled; it cannot be completed.');
    return this.close(manager, deadline, 'completed', reason, ctx);
  }

  /** Withdrawn: nothing more is sent. Cancelling twice is a no-op. */
  async cancel(manager: EntityManager, id: string, reason: string, ctx: DeadlineChangeContext): Promise<DeadlineView> {
    const deadline = await this.lock(manager, id);
    if (deadline.status === 'cancelled') return toDeadlineView(deadline);
    if (deadline.status === 'completed')
      throw new DomainError('conflict', 'The deadline is completed; it cannot be cancelled.');
    return this.close(manager, deadline, 'cancelled', reason, ctx);
  }

  async get(manager: EntityManager, id: string): Promise<DeadlineView> {
    return toDeadlineView(await this.find(manager, id));
  }

  /** The live (not cancelled) deadline of a kind on a subject for a state, if any. */
  async findForSubject(
    manager: EntityManager,
    kind: DeadlineKind,
    subject: { type: string; id: string },
    stateCode: string,
  ): Promise<DeadlineView | null> {
    const row = await manager
      .getRepository(Deadline)
      .createQueryBuilder('d')
      .where(
        `d.kind = :kind AND d.subject_type = :type AND d.subject_id = :id AND d.state_code = :stateCode AND d.status <> 'cancelled'`,
        {
          kind,
          type: subject.type,
          id: subject.id,
          stateCode: stateCode.toUpperCase(),
        },
      )
      .getOne();
    return row ? toDeadlineView(row) : null;
  }

  async history(manager: EntityManager, id: string): Promise<DeadlineHistoryEntry[]> {
    const rows = await manager
      .getRepository(DeadlineVersion)
      .find({ where: { deadlineId: id }, order: { recordedAt: 'ASC', version: 'ASC' } });
    return rows.map(toHistoryEntry);
  }

  private async close(
    manager: EntityManager,
    deadline: Deadline,
    to: 'completed' | 'cancelled',
    reason: string | null,
    ctx: DeadlineChangeContext,
  ): Promise<DeadlineView> {
    await manager.query(`UPDATE deadline SET status = $2, updated_at = $3 WHERE id = $1`, [deadline.id, to, ctx.now]);
    await this.planner.cancelUnsent(manager, deadline.id, to, ctx.now);
    const closed = await this.lock(manager, deadline.id);
    await this.record(manager, closed, to, reason, ctx, { from: deadline.status });
    return toDeadlineView(closed);
  }

  private async find(manager: EntityManager, id: string, lock = false): Promise<Deadline> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw new DomainError('not_found', `Deadline ${id} was not found`);
    const q = manager.getRepository(Deadline).createQueryBuilder('d').where('d.id = :id', { id });
    if (lock) q.setLock('pessimistic_write');
    const row = await q.getOne();
    if (!row) throw new DomainError('not_found', `Deadline ${id} was not found`);
    return row;
  }

  private lock(manager: EntityManager, id: string): Promise<Deadline> {
    return this.find(manager, id, true);
  }

  private async record(
    manager: EntityManager,
    deadline: Deadline,
    change: DeadlineChange,
    reason: string | null,
    ctx: DeadlineChangeContext,
    summary: Record<string, unknown>,
  ): Promise<void> {
    await manager.getRepository(DeadlineVersion).insert({
      deadlineId: deadline.id,
      version: deadline.version,
      change,
      dueDate: deadline.dueDate,
      status: deadline.status,
      reason,
      actorUserId: ctx.actor?.userId ?? null,
      actorRole: ctx.actor?.role ?? null,
      recordedAt: ctx.now,
    });
    await this.audit.record(manager, {
      actor: ctx.actor,
      action: `deadline.${change}`,
      entity: { type: 'deadline', id: deadline.id },
      summary: {
        ...summary,
        version: deadline.version,
        ...(reason ? { reasonGiven: true } : {}),
        ...(ctx.confirmedPastDue ? { confirmedPastDue: true } : {}),
      },
      requestId: ctx.requestId ?? null,
      at: ctx.now,
    });
  }

  private checkInput(input: DeadlineInput, timeZone: string): void {
    if (!DEADLINE_KINDS.includes(input.kind))
      throw invalid('/kind', `kind must be one of ${DEADLINE_KINDS.join(', ')}`);
    if (!isCalendarDate(input.dueDate)) throw invalid('/dueDate', 'dueDate must be a calendar date (YYYY-MM-DD)');
    if (input.kind === 'ad_hoc' && !input.title?.trim())
      throw invalid('/title', 'an ad-hoc deadline needs a title saying what is due');
    if (!input.subject.type || !input.subject.id) throw invalid('/subject', 'subject type and id are required');
    try {
      new Intl.DateTimeFormat('en-US', { timeZone });
    } catch {
      throw invalid('/timeZone', `"${timeZone}" is not an IANA time zone`);
    }
  }
}

function invalid(pointer: string, message: string): DomainError {
  return new DomainError('validation_failed', message, { errors: [{ pointer, message }] });
}
