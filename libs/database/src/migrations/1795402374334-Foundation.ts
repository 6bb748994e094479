import { MigrationInterface, QueryRunner } from 'typeorm';

export class Foundation1795402374334 implements MigrationInterface {
  name = 'Foundation1795402374334';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "clock_offset" (
                "id" smallint NOT NULL DEFAULT '1',
                "offset_ms" bigint NOT NULL DEFAULT '0',
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_e919a935ff0eaca20cbdf34a0c1" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "worker_heartbeat" (
                "worker_id" text NOT NULL,
                "beat_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "beats" integer NOT NULL DEFAULT '0',
                CONSTRAINT "PK_57142a5b912c5001ff15f617a54" PRIMARY KEY ("worker_id")
            )
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP TABLE "worker_heartbeat"
        `);
    await queryRunner.query(`
            DROP TABLE "clock_offset"
        `);
  }
}
