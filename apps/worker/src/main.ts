import 'reflect-metadata';
import { ConfigError, loadConfig } from '@mesecvi/config';
import { runMigrationsWithLock } from '@mesecvi/database';
import { shutDownOnSignals } from '@mesecvi/observability';
import { createWorkerApp } from './create-worker-app';

async function main(): Promise<void> {
  const config = loadConfig();
  if (config.database.migrationsRun) await runMigrationsWithLock(config);
  const { app, logger } = await createWorkerApp(config);
  logger.info({ mode: config.mode }, 'worker started');
  shutDownOnSignals(async () => app.close(), config.shutdownTimeoutMs, logger);
}

main().catch((e: unknown) => {
  if (e instanceof ConfigError) console.error(e.message);
  else console.error(e);
  process.exit(1);
});
