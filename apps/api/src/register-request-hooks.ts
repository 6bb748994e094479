import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { AppConfig } from '@mesecvi/config';
import type { Logger as Pino } from '@mesecvi/observability';
import { MetricsService } from './metrics/metrics.service';
import { securityHeaders } from './security-headers';
import { ForwardedHeaders } from './health/forwarded-headers.service';

/** Every request: the security headers and its id on the answer; every response: a metric and a log line. */
export function registerRequestHooks(app: NestFastifyApplication, config: AppConfig, logger: Pino): void {
  const fastify = app.getHttpAdapter().getInstance();
  const metrics = app.get(MetricsService).platform;
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
}
