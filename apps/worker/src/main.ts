import 'reflect-metadata';
import { ConfigError, loadConfig } from '@mesecvi/config';
import { runMigrationsWithLock } from '@mesecvi/database';
import { shutDownOnSignals } from '@mesecvi/observability';
import { createWorkerApp } from './create-worker-app';

async function main(): Promise<void> {
  const config = loadConfig();
  if (config.database.migrationsRun) await runMigrationsWithLock(config);
  const { app, logger } = await createWorkerApp(config);
  // Before announcing the start: a SIGTERM right after it must close gracefully.
  shutDownOnSignals(async () => app.close(), config.shutdownTimeoutMs, logger);
  logger.info({ mode: config.mode }, 'worker started');
}

main().catch((e: unknown) => {
  if (e instanceof ConfigError) console.error(e.message);
  else console.error(e);
  process.exit(1);
});
