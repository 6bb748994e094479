import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { AppConfig } from '@mesecvi/config';

/** Only CORS_ORIGINS (none by default); the methods and the request headers the api reads. */
export function registerCors(app: NestFastifyApplication, config: AppConfig): void {
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
}
