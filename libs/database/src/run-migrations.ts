import { DataSource } from 'typeorm';
import type { AppConfig } from '@mesecvi/config';
import { dataSourceOptions } from './data-source-options';

/** Any constant works; it only has to be the same in every process that migrates this database. */
export const MIGRATION_LOCK_KEY = 7_231_994;

/**
 * Runs pending migrations while holding a session-level advisory lock, so that several api and
 * worker instances starting together migrate once and the others wait, then find nothing to do.
 */
export async function runMigrationsWithLock(config: Pick<AppConfig, 'database'>): Promise<string[]> {
  const ds = new DataSource({ ...dataSourceOptions(config, [], 'mesecvi-migrate'), extra: { max: 2 } });
  await ds.initialize();
  const lockRunner = ds.createQueryRunner();
  try {
    await lockRunner.connect();
    await lockRunner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const applied = await ds.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await lockRunner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await lockRunner.release();
    await ds.destroy();
  }
}
