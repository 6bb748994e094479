import type { INestApplicationContext } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import type { AppConfig } from '@mesecvi/config';
import { createApiApp } from '../../../apps/api/src/create-api-app';
import {
  createSuiteDatabase,
  services,
  startTestWorker,
  testConfig,
  type SuiteDatabase,
  type TestApi,
} from '../../harness';

/** The api listening on a port of its own, its worker and its database: what a browser reaches. */
export interface ServedApi {
  /** Where the browser opens pages; also the configured public base URL, so mailed links point here. */
  baseUrl: string;
  config: AppConfig;
  app: NestFastifyApplication;
  ds: DataSource;
  /** A supertest client for the set-up a test makes through the API. */
  http(): ReturnType<typeof request>;
  close(): Promise<void>;
}

/**
 * Starts the api (exactly as production builds it) on a free port with the public base URL set
 * to that port, so a link read from a mail in the SMTP sink opens exactly as mailed. `host`
 * replaces 127.0.0.1 in the public base URL (the browser maps it back to the loopback address).
 */
export async function startServedApi(
  options: { host?: string; env?: Record<string, string> } = {},
): Promise<ServedApi> {
  const db: SuiteDatabase = await createSuiteDatabase();
  const port = await services.freePort();
  const baseUrl = `http://${options.host ?? '127.0.0.1'}:${port}`;
  const config = testConfig(db.url, { PUBLIC_BASE_URL: baseUrl, ...options.env });
  const { app } = await createApiApp(config);
  await app.listen(port, '127.0.0.1');
  let worker: INestApplicationContext | undefined;
  try {
    worker = await startTestWorker(config);
  } catch (e) {
    await app.close();
    await db.drop();
    throw e;
  }
  return {
    baseUrl,
    config,
    app,
    ds: app.get(DataSource),
    http: () => request(app.getHttpServer()),
    close: async () => {
      await worker?.close();
      await app.close();
      await db.drop();
    },
  };
}

/** The served api as the api suites' fixtures take it (they drive it through a supertest client). */
export const asTestApi = (served: ServedApi): TestApi => ({
  app: served.app,
  routes: [],
  http: () => served.http(),
  close: () => served.close(),
});
