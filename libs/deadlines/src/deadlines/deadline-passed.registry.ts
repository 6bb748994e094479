import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { DeadlineKind } from '../deadline-vocabulary';
import type { DeadlineView } from './deadline.view';

/**
 * Runs when a deadline of its kind passes uncompleted, inside the sweep's transaction that marks
 * the deadline `passed` (so both commit or neither does; a throwing handler is retried next tick).
 * Later issues use it for `observations_overdue`, an appointment's end, …
 */
export type DeadlinePassedHandler = (manager: EntityManager, deadline: DeadlineView, now: Date) => Promise<void>;

/** One handler per kind, registered by the owning library at module start (e.g. `onModuleInit`). */
@Injectable()
export class DeadlinePassedHandlers {
  private readonly handlers = new Map<DeadlineKind, DeadlinePassedHandler>();

  register(kind: DeadlineKind, handler: DeadlinePassedHandler): void {
    if (this.handlers.has(kind)) throw new Error(`a deadline-passed handler for "${kind}" is already registered`);
    this.handlers.set(kind, handler);
  }

  handlerFor(kind: DeadlineKind): DeadlinePassedHandler | undefined {
    return this.handlers.get(kind);
  }
}
