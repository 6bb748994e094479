import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import type { AppConfig } from '@mesecvi/config';
import { createLogger, PinoNestLogger, type Logger } from '@mesecvi/observability';
import { WorkerModule } from './worker.module';

/** Builds the worker exactly as production runs it; tests start it in-process too. */
export async function createWorkerApp(config: AppConfig): Promise<{ app: INestApplicationContext; logger: Logger }> {
  const logger = createLogger(config.log.level, 'worker');
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
    logger: new PinoNestLogger(logger),
    abortOnError: false,
  });
  await app.init();
  return { app, logger };
}
