import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '@mesecvi/audit';
import { DeadlineVersion } from './deadline-version.entity';
import { Deadline } from './deadline.entity';
import { DeadlinePassedHandlers } from './deadline-passed.registry';
import { toDeadlineView } from './deadline.view';

/** Deadlines looked at per tick; the rest wait for the next one. */
const PER_TICK = 200;

/**
 * Marks open deadlines whose day has ended as `passed` and runs their kind's handler, once: the
 * status change, the history row, the audit event and the handler's own writes share one
 * transaction, so a crash or a failing handler leaves the deadline open for the next tick.
 */
@Injectable()
export class DeadlinePassing {
  private readonly logger = new Logger('DeadlinePassing');

  constructor(
    private readonly dataSource: DataSource,
    private readonly handlers: DeadlinePassedHandlers,
    private readonly audit: AuditService,
  ) {}

  async passDue(now: Date): Promise<number> {
    const due: Array<{ id: string }> = await this.dataSource.query(
      `SELECT id FROM deadline WHERE status = 'open' AND due_at <= $1 ORDER BY due_at LIMIT $2`,
      [now, PER_TICK],
    );
    let passed = 0;
    for (const { id } of due) {
      try {
        if (await this.passOne(id, now)) passed += 1;
      } catch (e) {
        this.logger.error({
          msg: 'deadline-passed handler failed; the deadline stays open and is tried again next tick',
          deadlineId: id,
          error: e instanceof Error ? e.message : String(e),
        });
      }
    }
    return passed;
  }

  private passOne(id: string, now: Date): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      // SKIP LOCKED: another worker (or a move in progress) has it; re-checked under the lock.
      const rows = await manager
        .getRepository(Deadline)
        .createQueryBuilder('d')
        .where(`d.id = :id AND d.status = 'open' AND d.due_at <= :now`, { id, now })
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getMany();
      const deadline = rows[0];
      if (!deadline) return false;
      await manager.query(`UPDATE deadline SET status = 'passed', updated_at = $2 WHERE id = $1`, [id, now]);
      const passed = { ...deadline, status: 'passed' as const, updatedAt: now };
      await manager.getRepository(DeadlineVersion).insert({
        deadlineId: id,
        version: deadline.version,
        change: 'passed',
        dueDate: deadline.dueDate,
        status: 'passed',
        reason: null,
        actorUserId: null,
        actorRole: null,
        recordedAt: now,
      });
      await this.audit.record(manager, {
        actor: null,
        action: 'deadline.passed',
        entity: { type: 'deadline', id },
        summary: {
          kind: deadline.kind,
          stateCode: deadline.stateCode,
          dueDate: deadline.dueDate,
          version: deadline.version,
        },
        at: now,
      });
      await this.handlers.handlerFor(deadline.kind)?.(manager, toDeadlineView(passed), now);
      return true;
    });
  }
}
