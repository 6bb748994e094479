import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Clock } from '@mesecvi/clock';
import { APP_CONFIG, type AppConfig } from '@mesecvi/config';
import { DomainError } from '@mesecvi/errors';
import type { RequestMeta } from '@mesecvi/http';
import type { TitleTranslations } from '../deadline-vocabulary';
import { checkPastDue } from '../past-due';
import { DeadlinesService, type DeadlineChangeContext } from './deadlines.service';
import type { DeadlineView } from './deadline.view';

export interface AdHocDeadlineInput {
  /** What is due, e.g. "Send the national information for the annual report". */
  title: string;
  /** The title in the other working languages; reminders fall back to `title` (English). */
  titles?: TitleTranslations;
  dueDate: string;
  stateCodes: string[];
  /** Says a due date before today is intended (entering history). */
  confirmPastDue?: boolean;
}

/** The subject every deadline of one ad-hoc request shares. */
export const AD_HOC_SUBJECT = 'ad_hoc_request';

/**
 * What the secretariat does to deadlines through the API, each in one transaction: ad-hoc
 * deadlines for one or more states, moves (extensions, corrections) with a reason, completion and
 * cancellation. The mechanism's own deadlines are completed by their workflows, not by hand.
 */
@Injectable()
export class SecretariatDeadlines {
  constructor(
    private readonly dataSource: DataSource,
    private readonly deadlines: DeadlinesService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async createAdHoc(input: AdHocDeadlineInput, meta: RequestMeta): Promise<DeadlineView[]> {
    const codes = [...new Set(input.stateCodes.map((c) => c.toUpperCase()))];
    const request = randomUUID();
    const ctx = await this.context(meta);
    ctx.confirmedPastDue = this.pastDue(input.dueDate, ctx.now, input.confirmPastDue);
    return this.dataSource.transaction(async (manager) => {
      const created: DeadlineView[] = [];
      for (const stateCode of codes) {
        created.push(
          await this.deadlines.create(
            manager,
            {
              kind: 'ad_hoc',
              subject: { type: AD_HOC_SUBJECT, id: request },
              stateCode,
              dueDate: input.dueDate,
              title: input.title.trim(),
              titleTranslations: translations(input.titles),
            },
            ctx,
          ),
        );
      }
      return created;
    });
  }

  async move(
    id: string,
    dueDate: string,
    reason: string,
    expectedVersion: number | undefined,
    meta: RequestMeta,
    confirmPastDue?: boolean,
  ): Promise<DeadlineView> {
    const ctx = await this.context(meta);
    ctx.confirmedPastDue = this.pastDue(dueDate, ctx.now, confirmPastDue);
    return this.dataSource.transaction((manager) =>
      this.deadlines.move(manager, id, { dueDate, reason, expectedVersion }, ctx),
    );
  }

  async complete(id: string, reason: string | null, meta: RequestMeta): Promise<DeadlineView> {
    const ctx = await this.context(meta);
    return this.dataSource.transaction(async (manager) => {
      await this.assertAdHoc(id, 'completed');
      return this.deadlines.complete(manager, id, ctx, reason);
    });
  }

  async cancel(id: string, reason: string, meta: RequestMeta): Promise<DeadlineView> {
    const ctx = await this.context(meta);
    return this.dataSource.transaction(async (manager) => {
      await this.assertAdHoc(id, 'cancelled');
      return this.deadlines.cancel(manager, id, reason, ctx);
    });
  }

  private async assertAdHoc(id: string, what: string): Promise<void> {
    const deadline = await this.deadlines.get(this.dataSource.manager, id);
    if (deadline.kind !== 'ad_hoc')
      throw new DomainError('conflict', `A ${deadline.kind} deadline is ${what} by its own workflow, not by hand.`);
  }

  private pastDue(dueDate: string, now: Date, confirmPastDue: boolean | undefined): boolean {
    return checkPastDue('/dueDate', dueDate, now, this.config.mechanism.timeZone, confirmPastDue);
  }

  private async context(meta: RequestMeta): Promise<DeadlineChangeContext> {
    return { actor: meta.caller, requestId: meta.requestId, now: await this.clock.now() };
  }
}

/** Trimmed translations, without empty ones; null when none is left. */
function translations(titles: TitleTranslations | undefined): TitleTranslations | null {
  const kept = Object.entries(titles ?? {})
    .map(([language, text]) => [language, text?.trim()] as const)
    .filter(([, text]) => Boolean(text));
  return kept.length > 0 ? Object.fromEntries(kept) : null;
}
