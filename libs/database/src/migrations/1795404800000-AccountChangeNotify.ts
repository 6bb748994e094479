import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Announces every change that can alter who a signed-in caller is, so each api process can
 * forget the callers it keeps in memory (libs/accounts CallerCache): an account (status, role,
 * state, language), a session (refresh tokens revoked or deleted), a state's working language.
 * NOTIFY is transactional — delivered at commit, never for a rolled-back change — and repeated
 * payloads in one transaction are sent once. The payload is the user's id, or `*` for everyone.
 * Triggers, not application code, so a change made by any path (a script, psql, a restore) is
 * announced too.
 */
export class AccountChangeNotify1795404800000 implements MigrationInterface {
  name = 'AccountChangeNotify1795404800000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION account_changed_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_LEVEL = 'ROW' AND TG_TABLE_NAME = 'user_account' THEN
          PERFORM pg_notify('account_changed', OLD.id::text);
        ELSIF TG_LEVEL = 'ROW' AND TG_TABLE_NAME = 'refresh_token' THEN
          PERFORM pg_notify('account_changed', OLD.user_id::text);
        ELSE
          PERFORM pg_notify('account_changed', '*');
        END IF;
        RETURN NULL;
      END $$`);
    for (const table of ['user_account', 'refresh_token']) {
      await q.query(
        `CREATE TRIGGER account_changed_notify AFTER UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION account_changed_notify()`,
      );
    }
    await q.query(
      `CREATE TRIGGER account_changed_notify AFTER UPDATE OR DELETE ON state_party FOR EACH STATEMENT EXECUTE FUNCTION account_changed_notify()`,
    );
    for (const table of ['user_account', 'refresh_token', 'state_party']) {
      await q.query(
        `CREATE TRIGGER account_changed_notify_truncate AFTER TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION account_changed_notify()`,
      );
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const table of ['user_account', 'refresh_token', 'state_party']) {
      await q.query(`DROP TRIGGER account_changed_notify_truncate ON ${table}`);
      await q.query(`DROP TRIGGER account_changed_notify ON ${table}`);
    }
    await q.query(`DROP FUNCTION account_changed_notify()`);
  }
}
