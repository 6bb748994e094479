import 'reflect-metadata';
import { ConfigError, loadConfig } from '@mesecvi/config';
import { runMigrationsWithLock } from '@mesecvi/database';
import { shutDownOnSignals } from '@mesecvi/observability';
import { createApiApp } from './create-api-app';

async function main(): Promise<void> {
  const config = loadConfig();
  if (config.database.migrationsRun) await runMigrationsWithLock(config);
  const { app, logger } = await createApiApp(config);
  // Before listening: a SIGTERM that arrives as soon as the port answers must close gracefully.
  shutDownOnSignals(async () => app.close(), config.shutdownTimeoutMs, logger);
  await app.listen({ host: config.http.host, port: config.http.port });
  logger.info({ url: await app.getUrl(), mode: config.mode }, 'api listening');
}

main().catch((e: unknown) => {
  // One clear line for a bad configuration; the stack only for the unexpected.
  if (e instanceof ConfigError) console.error(e.message);
  else console.error(e);
  process.exit(1);
});
