// The compliance library in one Nest application context on the bench's own PostgreSQL and Redis,
// as the api builds it in production mode (the questionnaire registry only to get a version to point rounds at).
import { Module, type DynamicModule, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ClockModule } from '@mesecvi/clock';
import { ComplianceModule } from '@mesecvi/compliance';
import { ConfigModule, loadConfig, type AppConfig } from '@mesecvi/config';
import { DatabaseModule } from '@mesecvi/database';
import { ALL_ENTITIES } from '@mesecvi/entity-registry';
import { JobsModule } from '@mesecvi/jobs';
import { PolicyModule } from '@mesecvi/policy';
import { QuestionnairesModule } from '@mesecvi/questionnaires';

@Module({})
class ComplianceBenchModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ComplianceBenchModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule.forRoot(ALL_ENTITIES, 'mesecvi-bench'),
        ClockModule,
        JobsModule,
        PolicyModule,
        QuestionnairesModule,
        ComplianceModule,
      ],
    };
  }
}

export async function startComplianceContext(urls: {
  databaseUrl: string;
  redisUrl: string;
}): Promise<INestApplicationContext> {
  const config = loadConfig({
    // As production runs it (docker/compose.yaml): the clock is read from memory, not from
    // PostgreSQL (only test and demo modes may move time), and compose's pool size.
    APP_MODE: 'production',
    DATABASE_URL: urls.databaseUrl,
    REDIS_URL: urls.redisUrl,
    SMTP_URL: 'smtp://localhost:2525',
    JWT_SECRET: 'bench-secret-that-is-long-enough-0123456789',
    MIGRATIONS_RUN: 'false',
    LOG_LEVEL: 'silent',
    DB_POOL_SIZE: '10',
    QUEUE_PREFIX: 'bench',
  });
  const app = await NestFactory.createApplicationContext(ComplianceBenchModule.forRoot(config), { logger: false });
  await app.init();
  return app;
}
