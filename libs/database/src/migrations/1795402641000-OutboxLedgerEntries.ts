import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outbox as a fuller notification ledger: a `skipped` entry records a notification
 * nobody could receive (no address: nobody behind the role); `dedup_key` lets a producer stage a
 * mail at most once (the reminder sweep: one row per reminder and recipient, whatever crashes or
 * races happen); an index finds a related entity's mails. Matches outbox-message.entity.ts.
 */
export class OutboxLedgerEntries1795402641000 implements MigrationInterface {
  name = 'OutboxLedgerEntries1795402641000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "outbox_message" DROP CONSTRAINT "CHK_outbox_message_status"`);
    await q.query(
      `ALTER TABLE "outbox_message" ADD CONSTRAINT "CHK_outbox_message_status" CHECK ("status" IN ('pending', 'sending', 'sent', 'failed', 'cancelled', 'skipped'))`,
    );
    await q.query(`ALTER TABLE "outbox_message" ALTER COLUMN "recipient_address" DROP NOT NULL`);
    await q.query(
      `ALTER TABLE "outbox_message" ADD CONSTRAINT "CHK_outbox_message_address" CHECK ("recipient_address" IS NOT NULL OR "status" = 'skipped')`,
    );
    await q.query(`ALTER TABLE "outbox_message" ADD "dedup_key" text`);
    await q.query(`CREATE UNIQUE INDEX "UQ_outbox_message_dedup_key" ON "outbox_message" ("dedup_key")`);
    await q.query(
      `CREATE INDEX "IDX_outbox_message_related" ON "outbox_message" ("related_entity_type", "related_entity_id")`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "IDX_outbox_message_related"`);
    await q.query(`DROP INDEX "UQ_outbox_message_dedup_key"`);
    await q.query(`ALTER TABLE "outbox_message" DROP COLUMN "dedup_key"`);
    await q.query(`ALTER TABLE "outbox_message" DROP CONSTRAINT "CHK_outbox_message_address"`);
    await q.query(`DELETE FROM "outbox_message" WHERE "status" = 'skipped'`);
    await q.query(`ALTER TABLE "outbox_message" ALTER COLUMN "recipient_address" SET NOT NULL`);
    await q.query(`ALTER TABLE "outbox_message" DROP CONSTRAINT "CHK_outbox_message_status"`);
    await q.query(
      `ALTER TABLE "outbox_message" ADD CONSTRAINT "CHK_outbox_message_status" CHECK ("status" IN ('pending', 'sending', 'sent', 'failed', 'cancelled'))`,
    );
  }
}
