import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outbox, which is also the notification ledger: all mail goes through it. Written by hand to match libs/mail/src/outbox-message.entity.ts exactly.
 */
export class OutboxMessage1795402500000 implements MigrationInterface {
  name = 'OutboxMessage1795402500000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "outbox_message" (
        "id" uuid NOT NULL,
        "kind" text NOT NULL,
        "template" text NOT NULL,
        "language" text NOT NULL,
        "recipient_address" text NOT NULL,
        "recipient_name" text,
        "recipient_user_id" uuid,
        "recipient_role" text,
        "state_code" text,
        "related_entity_type" text,
        "related_entity_id" text,
        "payload" jsonb NOT NULL,
        "status" text NOT NULL DEFAULT 'pending',
        "attempts" integer NOT NULL DEFAULT '0',
        "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "lease_until" TIMESTAMP WITH TIME ZONE,
        "message_id" text NOT NULL,
        "smtp_response" text,
        "last_error" text,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "sent_at" TIMESTAMP WITH TIME ZONE,
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "CHK_outbox_message_status" CHECK ("status" IN ('pending', 'sending', 'sent', 'failed', 'cancelled')),
        CONSTRAINT "CHK_outbox_message_language" CHECK ("language" IN ('en', 'es', 'fr', 'pt')),
        CONSTRAINT "PK_2f36ee5236f2793f3e7bd554589" PRIMARY KEY ("id")
      )
    `);
    // What the drain's claim scans: due pending rows and sending rows whose lease ran out.
    await queryRunner.query(
      `CREATE INDEX "IDX_outbox_message_drain" ON "outbox_message" ("status", "next_attempt_at")`,
    );
    // The secretariat's ledger: newest first (keyset on created_at, id), filtered by state, kind or address.
    await queryRunner.query(`CREATE INDEX "IDX_outbox_message_created" ON "outbox_message" ("created_at", "id")`);
    await queryRunner.query(
      `CREATE INDEX "IDX_outbox_message_state_created" ON "outbox_message" ("state_code", "created_at")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_outbox_message_kind_created" ON "outbox_message" ("kind", "created_at")`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_outbox_message_recipient" ON "outbox_message" ("recipient_address")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "outbox_message"`);
  }
}
