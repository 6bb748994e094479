import type { Type } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import type { AppConfig } from '@mesecvi/config';
import { createApiApp } from '../../apps/api/src/create-api-app';
import type { RegisteredRoute } from '../../apps/api/src/route-table';
import { contractClient, contractFor } from '../contract/response-contract';

export interface TestApi {
  app: NestFastifyApplication;
  routes: RegisteredRoute[];
  /** A supertest client bound to the running app; every response it gets is checked against the OpenAPI document. */
  http(): ReturnType<typeof request>;
  close(): Promise<void>;
}

/** The api exactly as production builds it, served in-process for supertest. */
export async function startTestApi(config: AppConfig, extraModules: Type[] = []): Promise<TestApi> {
  const { app, routes } = await createApiApp(config, extraModules);
  await app.getHttpAdapter().getInstance().ready();
  const document = await app.inject({ method: 'GET', url: '/docs/openapi.json' });
  const contract = contractFor(document.body);
  return {
    app,
    routes,
    http: () => contractClient(request(app.getHttpServer()), contract),
    close: () => app.close(),
  };
}
