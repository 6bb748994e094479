// The libraries the reminder benchmarks drive, in one Nest application context on the bench's own
// PostgreSQL, Redis and SMTP sink: the reminder sweep (libs/deadlines) and the outbox drain
// (apps/worker), exactly as the worker builds them, without the job schedulers.
import { Module, type DynamicModule, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AuditModule } from '@mesecvi/audit';
import { ClockModule } from '@mesecvi/clock';
import { ConfigModule, loadConfig, type AppConfig } from '@mesecvi/config';
import { DatabaseModule } from '@mesecvi/database';
import { DeadlinesModule } from '@mesecvi/deadlines';
import { ALL_ENTITIES } from '@mesecvi/entity-registry';
import { JobsModule } from '@mesecvi/jobs';
import { MailWorkerModule } from '../../apps/worker/src/mail/mail-worker.module';

@Module({})
class ReminderBenchModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ReminderBenchModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule.forRoot(ALL_ENTITIES, 'mesecvi-bench'),
        ClockModule,
        JobsModule,
        AuditModule,
        DeadlinesModule,
        MailWorkerModule,
      ],
    };
  }
}

export interface BenchUrls {
  databaseUrl: string;
  redisUrl: string;
  smtpUrl: string;
}

export async function startReminderContext(
  urls: BenchUrls,
): Promise<{ app: INestApplicationContext; config: AppConfig }> {
  const config = loadConfig({
    APP_MODE: 'test',
    DATABASE_URL: urls.databaseUrl,
    REDIS_URL: urls.redisUrl,
    SMTP_URL: urls.smtpUrl,
    JWT_SECRET: 'bench-secret-that-is-long-enough-0123456789',
    MIGRATIONS_RUN: 'false',
    LOG_LEVEL: 'silent',
    DB_POOL_SIZE: '5',
    QUEUE_PREFIX: 'bench',
  });
  const app = await NestFactory.createApplicationContext(ReminderBenchModule.forRoot(config), { logger: false });
  await app.init();
  return { app, config };
}
