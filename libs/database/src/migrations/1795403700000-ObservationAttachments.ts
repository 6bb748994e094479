import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A state's observations on its preliminary report may carry evidence files. */
export class ObservationAttachments1795403700000 implements MigrationInterface {
  name = 'ObservationAttachments1795403700000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "report_observation" ADD "attachment_ids" jsonb NOT NULL DEFAULT '[]'`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "report_observation" DROP COLUMN "attachment_ids"`);
  }
}
