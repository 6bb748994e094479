import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@mesecvi/config';
import { LANGUAGES } from '@mesecvi/http';
import { JobName, JobQueues } from '@mesecvi/jobs';
import { messageIdFor } from './message-id';
import { OutboxMessage } from './outbox-message.entity';
import { MAIL_KINDS } from './outbox-status';
import type { GroupMail, NotifiedPerson, SkippedMail, StagedMail } from './staged-mail';
import type { TemplateName, TemplateProps } from './templates/template-props';
import { checkProps, MAIL_TEMPLATES } from './templates/template-registry';
import type { MailTemplate } from './templates/mail-template';

/** A mail staged with something no template or mailbox can take: a programming error, not a user's. */
export class InvalidMailError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidMailError';
  }
}

const ADDRESS = /^[^\s@<>()",;]+@[^\s@<>()",;]+\.[^\s@<>()",;]+$/;
const STATE_CODE = /^[A-Z]{3}$/;

/** Redis is transport: a slow or absent Redis must not hold up the request that staged the mail. */
const WAKE_TIMEOUT_MS = 2000;

/**
 * The one way to send mail. `stage` writes a row in the caller's transaction, so a
 * rolled-back transaction never sends; `wake` runs after commit and only speeds delivery up —
 * the worker's sweep finds every committed row even if the wake-up is lost.
 */
@Injectable()
export class Outbox {
  private readonly logger = new Logger('Outbox');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly queues: JobQueues,
  ) {}

  /** Writes the mail in the caller's transaction and returns its id (pass it to `wake` after commit). */
  async stage(manager: EntityManager, mail: StagedMail, now: Date): Promise<string> {
    this.check(mail);
    const row = this.toRow(mail, now, null);
    await manager.getRepository(OutboxMessage).insert(row);
    return row.id;
  }

  /**
   * Like `stage`, at most once per `dedupKey` (unique in the table): returns null when a row with
   * that key already exists, so a retried or concurrent producer never stages a second mail.
   */
  async stageOnce(manager: EntityManager, mail: StagedMail, dedupKey: string, now: Date): Promise<string | null> {
    this.check(mail);
    return this.insertOnce(manager, this.toRow(mail, now, dedupKey));
  }

  /**
   * One mail per person, each at most once; when nobody holds the role, one `skipped` ledger row
   * instead — so the ledger always says what became of a notification. Returns the ids to wake.
   */
  async stageForEach<T extends TemplateName>(
    manager: EntityManager,
    people: readonly NotifiedPerson[],
    mail: GroupMail<T>,
    payloadFor: (person: NotifiedPerson) => TemplateProps[T],
    now: Date,
  ): Promise<string[]> {
    const base = { kind: mail.kind, template: mail.template, stateCode: mail.stateCode ?? null, related: mail.related };
    if (people.length === 0) {
      await this.recordSkipped(manager, { ...base, ...mail.nobody }, `${mail.dedupPrefix}:nobody`, now);
      return [];
    }
    const ids: string[] = [];
    for (const person of people) {
      const staged = {
        ...base,
        language: person.language,
        to: {
          address: person.address,
          name: person.name ?? undefined,
          userId: person.userId ?? undefined,
          role: person.ledgerRole,
        },
        payload: payloadFor(person),
      };
      // TypeScript cannot correlate `template: T` with `payload: TemplateProps[T]` inside the union.
      const id = await this.stageOnce(
        manager,
        staged as unknown as StagedMail,
        `${mail.dedupPrefix}:${person.address}`,
        now,
      );
      if (id) ids.push(id);
    }
    return ids;
  }

  /**
   * Records in the ledger a notification that nobody could receive (no one behind the role): a
   * `skipped` row without an address, never sent. At most once per `dedupKey`.
   */
  async recordSkipped(manager: EntityManager, entry: SkippedMail, dedupKey: string, now: Date): Promise<string | null> {
    if (!MAIL_KINDS.includes(entry.kind)) throw new InvalidMailError(`unknown mail kind "${String(entry.kind)}"`);
    if (entry.stateCode != null && !STATE_CODE.test(entry.stateCode))
      throw new InvalidMailError(`"${entry.stateCode}" is not a three-letter state code`);
    const id = randomUUID();
    return this.insertOnce(manager, {
      id,
      kind: entry.kind,
      template: entry.template,
      language: entry.language,
      recipientAddress: null,
      recipientName: null,
      recipientUserId: null,
      recipientRole: entry.role,
      stateCode: entry.stateCode ?? null,
      relatedEntityType: entry.related?.type ?? null,
      relatedEntityId: entry.related?.id ?? null,
      dedupKey,
      payload: {},
      status: 'skipped',
      attempts: 0,
      nextAttemptAt: now,
      leaseUntil: null,
      messageId: messageIdFor(id, this.config.mail.from),
      smtpResponse: null,
      lastError: entry.reason,
      createdAt: now,
      sentAt: null,
      updatedAt: now,
    });
  }

  private async insertOnce(manager: EntityManager, row: OutboxMessage): Promise<string | null> {
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(OutboxMessage)
      .values(row)
      .orIgnore()
      .returning(['id'])
      .execute();
    const inserted = result.raw as Array<{ id: string }>;
    return inserted.length > 0 ? inserted[0].id : null;
  }

  private toRow(mail: StagedMail, now: Date, dedupKey: string | null): OutboxMessage {
    const id = randomUUID();
    return {
      id,
      kind: mail.kind,
      template: mail.template,
      language: mail.language,
      recipientAddress: mail.to.address,
      recipientName: mail.to.name ?? null,
      recipientUserId: mail.to.userId ?? null,
      recipientRole: mail.to.role ?? null,
      stateCode: mail.stateCode ?? null,
      relatedEntityType: mail.related?.type ?? null,
      relatedEntityId: mail.related?.id ?? null,
      dedupKey,
      payload: { ...mail.payload },
      status: 'pending',
      attempts: 0,
      nextAttemptAt: now,
      leaseUntil: null,
      messageId: messageIdFor(id, this.config.mail.from),
      smtpResponse: null,
      lastError: null,
      createdAt: now,
      sentAt: null,
      updatedAt: now,
    };
  }

  /**
   * Asks the worker to send these rows now. Call it only after the staging transaction committed
   * (never inside it). It never throws: a lost wake-up only delays the mail until the next sweep.
   */
  async wake(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    // jobId = outbox id: a second wake for the same row is a no-op while the first job is stored.
    const enqueued = Promise.all(
      ids.map((id) => this.queues.enqueue(JobName.OutboxDrain, { outboxId: id }, { jobId: id })),
    );
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), WAKE_TIMEOUT_MS);
    });
    try {
      const outcome = await Promise.race([enqueued.then(() => 'ok' as const), timedOut]);
      if (outcome === 'timeout')
        this.logger.warn({ msg: 'outbox wake-up timed out; the sweep will send', count: ids.length });
    } catch (e) {
      this.logger.warn({
        msg: 'outbox wake-up failed; the sweep will send',
        count: ids.length,
        error: e instanceof Error ? e.message : String(e),
      });
    } finally {
      clearTimeout(timer);
    }
  }

  private check(mail: StagedMail): void {
    if (!MAIL_KINDS.includes(mail.kind)) throw new InvalidMailError(`unknown mail kind "${String(mail.kind)}"`);
    if (!LANGUAGES.includes(mail.language))
      throw new InvalidMailError(`unsupported mail language "${String(mail.language)}"`);
    if (!ADDRESS.test(mail.to.address) || mail.to.address.length > 320)
      throw new InvalidMailError('the recipient address is not a mail address');
    if (mail.stateCode != null && !STATE_CODE.test(mail.stateCode))
      throw new InvalidMailError(`"${mail.stateCode}" is not a three-letter state code`);
    const template = MAIL_TEMPLATES[mail.template] as MailTemplate<unknown> | undefined;
    if (!template) throw new InvalidMailError(`unknown mail template "${String(mail.template)}"`);
    try {
      checkProps(template, mail.payload);
    } catch (e) {
      throw new InvalidMailError(e instanceof Error ? e.message : String(e));
    }
  }
}
