import { Logger, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { AppConfig, TrustedProxies } from '@mesecvi/config';
import { createLogger, PinoNestLogger, type Logger as Pino } from '@mesecvi/observability';
import { sendProblem } from '@mesecvi/errors';
import { AppModule } from './app.module';
import { recordRoutes, type RegisteredRoute } from './route-table';
import { setUpOpenApi } from './openapi';
import { fixAsyncResourceBind } from './async-resource-bind';
import { useEvidenceUploadBody } from './submissions/evidence-upload-body';
import { mountQueueDashboard } from './queue-dashboard';
import { registerBodies } from './register-bodies';
import { registerRequestHooks } from './register-request-hooks';
import { registerForms } from './register-forms';
import { registerCors } from './register-cors';
import { registerWebApp } from './register-web-app';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Accept a caller's request id only when it is short and plain, so it cannot forge log lines. */
function requestIdOf(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}

/** Fastify's `trustProxy`: only the configured proxies may name the client's address. */
function trustProxyOf(setting: TrustedProxies): boolean | number | string[] {
  switch (setting.kind) {
    case 'none':
      return false;
    case 'hops':
      return setting.count;
    case 'ranges':
      return setting.ranges;
  }
}

export interface ApiApp {
  app: NestFastifyApplication;
  routes: RegisteredRoute[];
  logger: Pino;
}

/** Builds the HTTP application exactly as production runs it; tests call this too. */
export async function createApiApp(config: AppConfig, extraModules: Type[] = []): Promise<ApiApp> {
  // Fastify binds every request body's callback with it: see the file for why and what it costs.
  fixAsyncResourceBind();
  const logger = createLogger(config.log.level, 'api');
  const adapter = new FastifyAdapter({
    bodyLimit: config.http.bodyLimitBytes,
    genReqId: requestIdOf,
    requestIdHeader: false,
    trustProxy: trustProxyOf(config.http.trustedProxies),
    return503OnClosing: true,
    // Errors Fastify raises before routing (a bad URL, an over-long path parameter) answer problem+json too.
    frameworkErrors: (error: FastifyError, request: FastifyRequest, reply: FastifyReply) =>
      sendProblem(error, request, reply, new Logger('Http')),
  });
  const fastify = adapter.getInstance();
  const routes = recordRoutes(fastify);
  useEvidenceUploadBody(fastify, config.submissions.attachmentMaxBytes);

  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, extraModules), adapter, {
    logger: new PinoNestLogger(logger),
    abortOnError: false,
    bodyParser: false, // registerBodies sets our JSON parser (problem+json on bad JSON)
  });

  registerBodies(app, config);
  registerRequestHooks(app, config, logger);
  await registerForms(app);
  registerCors(app, config);
  await registerWebApp(app, config);
  setUpOpenApi(app);
  await mountQueueDashboard(app, config.http.publicBaseUrl.startsWith('https:'));
  await app.init();
  return { app, routes, logger };
}
