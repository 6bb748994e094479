import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An ad-hoc deadline's title in the other working languages, given when it is created
 * (`{"es": …, "fr": …, "pt": …}`; `title` stays the English one and the fallback), so reminders
 * and the digest name what is due in the reader's language.
 */
export class DeadlineTitleTranslations1795405000000 implements MigrationInterface {
  name = 'DeadlineTitleTranslations1795405000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "deadline" ADD "title_translations" jsonb`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "deadline" DROP COLUMN "title_translations"`);
  }
}
