// Demo data for the deadlines engine: one ad-hoc deadline (with its reminder ladder) for each
// demo state, created through the library's public API so its reminders are planned as in
// production. Idempotent: nothing is created when the demo request already exists.
import { Module, type DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Clock, ClockModule } from '@mesecvi/clock';
import { ConfigModule, loadConfig, type AppConfig } from '@mesecvi/config';
import { DatabaseModule } from '@mesecvi/database';
import { AD_HOC_SUBJECT, addDays, DeadlinesModule, DeadlinesService, localDate } from '@mesecvi/deadlines';
import { ALL_ENTITIES } from '@mesecvi/entity-registry';
import { JobsModule } from '@mesecvi/jobs';

export const DEMO_DEADLINE_TITLE = 'Send the national information for the annual report';
/** 35 days ahead: the −30d reminder falls due after moving the demo clock 5 days. */
const DAYS_AHEAD = 35;

@Module({})
class SeedDeadlinesModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: SeedDeadlinesModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule.forRoot(ALL_ENTITIES, 'mesecvi-seed'),
        ClockModule,
        JobsModule,
        DeadlinesModule,
      ],
    };
  }
}

/** Returns how many deadlines it created (0 when they already exist). */
export async function seedDemoDeadlines(stateCodes: string[]): Promise<number> {
  const config = loadConfig();
  const app = await NestFactory.createApplicationContext(SeedDeadlinesModule.forRoot(config), { logger: ['error'] });
  try {
    const ds = app.get(DataSource);
    const existing: unknown[] = await ds.query(
      `SELECT 1 FROM deadline WHERE kind = 'ad_hoc' AND title = $1 AND status <> 'cancelled'`,
      [DEMO_DEADLINE_TITLE],
    );
    if (existing.length > 0) return 0;
    const now = await app.get(Clock).now();
    const dueDate = addDays(localDate(now, config.mechanism.timeZone), DAYS_AHEAD);
    const deadlines = app.get(DeadlinesService);
    const request = randomUUID();
    await ds.transaction(async (manager) => {
      for (const stateCode of stateCodes) {
        await deadlines.create(
          manager,
          {
            kind: 'ad_hoc',
            subject: { type: AD_HOC_SUBJECT, id: request },
            stateCode,
            dueDate,
            title: DEMO_DEADLINE_TITLE,
          },
          { actor: null, now },
        );
      }
    });
    return stateCodes.length;
  } finally {
    await app.close();
  }
}
