import type { INestApplicationContext } from '@nestjs/common';
import type { AppConfig } from '@mesecvi/config';
import { createWorkerApp } from '../../apps/worker/src/create-worker-app';

/** The worker exactly as production builds it, started in-process. */
export async function startTestWorker(config: AppConfig): Promise<INestApplicationContext> {
  const { app } = await createWorkerApp(config);
  return app;
}
