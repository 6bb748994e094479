import fs from 'node:fs';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions, MIGRATIONS, runMigrationsWithLock } from '@mesecvi/database';
import { ALL_ENTITIES } from '@mesecvi/entity-registry';
import { createSuiteDatabase, type SuiteDatabase } from '../harness';

const config = (url: string) => ({ database: { url, poolSize: 2, migrationsRun: true } });

describe('migrations', () => {
  let db: SuiteDatabase;

  beforeAll(async () => {
    db = await createSuiteDatabase({ empty: true });
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('lists every migration file of the folder, in timestamp order', () => {
    const dir = path.join(__dirname, '..', '..', 'libs', 'database', 'src', 'migrations');
    const files = fs
      .readdirSync(dir)
      .filter((f) => /^\d+-[A-Za-z0-9]+\.ts$/.test(f))
      .sort();
    const listed = MIGRATIONS.map((m) => (m as unknown as { name: string }).name);
    const expected = files.map((f) => {
      const [, ts, name] = /^(\d+)-(.+)\.ts$/.exec(f) ?? [];
      return `${name}${ts}`;
    });
    expect(listed).toEqual(expected);
  });

  it('migrate concurrently on an empty database: the advisory lock lets exactly one apply them', async () => {
    const results = await Promise.all([
      runMigrationsWithLock(config(db.url)),
      runMigrationsWithLock(config(db.url)),
      runMigrationsWithLock(config(db.url)),
    ]);
    const appliedCounts = results.map((r) => r.length).sort();
    expect(appliedCounts).toEqual([0, 0, MIGRATIONS.length]);
    expect(await runMigrationsWithLock(config(db.url))).toEqual([]);
  });

  it('leave no difference between the entities and the migrated schema (drift check)', async () => {
    const ds = new DataSource(dataSourceOptions(config(db.url), ALL_ENTITIES, 'drift-check'));
    await ds.initialize();
    try {
      const pending = await ds.driver.createSchemaBuilder().log();
      const statements = pending.upQueries.map((q) => q.query);
      expect(statements).toEqual([]);
    } finally {
      await ds.destroy();
    }
  });
});
