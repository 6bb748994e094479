// Runs pending migrations on DATABASE_URL under the advisory lock; used by the test runner,
// the demo and `npm run migration:run` alike.
import 'reflect-metadata';
import { runMigrationsWithLock } from '@mesecvi/database';

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('Configuration error: DATABASE_URL is required');
  const applied = await runMigrationsWithLock({ database: { url, poolSize: 2, migrationsRun: true } });
  console.log(
    applied.length > 0 ? `applied ${applied.length} migration(s): ${applied.join(', ')}` : 'no pending migration',
  );
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
