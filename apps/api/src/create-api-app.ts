import { Logger, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import cookie from '@fastify/cookie';
import formBody from '@fastify/formbody';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { AppConfig, TrustedProxies } from '@mesecvi/config';
import { createLogger, PinoNestLogger, type Logger as Pino } from '@mesecvi/observability';
import { sendProblem } from '@mesecvi/errors';
import { Authenticator } from '@mesecvi/http';
import { EvidenceAttachmentsService } from '@mesecvi/submissions';
import { AppModule } from './app.module';
import { MetricsService } from './metrics/metrics.service';
import { recordRoutes, type RegisteredRoute } from './route-table';
import { setUpOpenApi } from './openapi';
import { useProblemJsonParser } from './json-body-parser';
import { fixAsyncResourceBind } from './async-resource-bind';
import { useEvidenceUploadBody } from './submissions/evidence-upload-body';
import { EvidenceUploadGate, useEvidenceUploadGate } from './submissions/evidence-upload-gate';
import { securityHeaders } from './security-headers';
import { useBodyMediaTypes } from './body-media-types';
import { usePrivateResponses } from './private-responses';
import { mountQueueDashboard } from './queue-dashboard';
import { ForwardedHeaders } from './health/forwarded-headers.service';

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
    bodyParser: false, // our JSON parser is registered above (problem+json on bad JSON)
  });

  const metrics = app.get(MetricsService).platform;
  useProblemJsonParser(fastify);
  useBodyMediaTypes(fastify);
  usePrivateResponses(fastify);
  useEvidenceUploadGate(
    fastify,
    new EvidenceUploadGate(
      app.get(Authenticator),
      app.get(EvidenceAttachmentsService),
      config.submissions.attachmentMaxConcurrentUploads,
    ),
  );
  const security = securityHeaders({ https: config.http.publicBaseUrl.startsWith('https:') });
  const forwarded = app.get(ForwardedHeaders);
  fastify.addHook('onRequest', async (request, reply) => {
    forwarded.notice(request.headers);
    void reply.headers(security).header('x-request-id', request.id);
  });
  fastify.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    const labels = { method: request.method, route, status: String(reply.statusCode) };
    metrics.httpRequests.inc(labels);
    metrics.httpDuration.observe(labels, reply.elapsedTime / 1000);
    logger.info(
      { reqId: request.id, method: request.method, route, status: reply.statusCode, ms: Math.round(reply.elapsedTime) },
      'request',
    );
  });

  // The account pages post plain HTML forms and carry a CSRF cookie (forms reach no other route: useBodyMediaTypes).
  await app.register(formBody);
  await app.register(cookie);
  // Only CORS_ORIGINS (none by default); the methods and the request headers the api reads.
  app.enableCors({
    origin: config.http.corsOrigins.length > 0 ? config.http.corsOrigins : false,
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: [
      'Authorization',
      'Content-Type',
      'Accept-Language',
      'If-Match',
      'Idempotency-Key',
      'X-Filename',
      'X-Request-Id',
    ],
    exposedHeaders: ['ETag', 'X-Request-Id', 'Retry-After'],
    maxAge: 600,
  });
  setUpOpenApi(app);
  await mountQueueDashboard(app, config.http.publicBaseUrl.startsWith('https:'));
  await app.init();
  return { app, routes, logger };
}
