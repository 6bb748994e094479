import { Module, type DynamicModule } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { ConfigModule, type AppConfig } from '@mesecvi/config';
import { DatabaseModule } from '@mesecvi/database';
import { ClockModule } from '@mesecvi/clock';
import { JobsModule } from '@mesecvi/jobs';
import { ALL_ENTITIES } from '@mesecvi/entity-registry';
import { AuditModule } from '@mesecvi/audit';
import { JobHandlerRegistry } from './registry/job-handler.registry';
import { QUEUE_PROCESSORS } from './registry/queue.processors';
import { HeartbeatHandler } from './heartbeat/heartbeat.handler';
import { JobSchedules } from './job-schedules.service';
import { AuditSealHandler } from './audit/audit-seal.handler';
import { MailWorkerModule } from './mail/mail-worker.module';
import { ReportsWorkerModule } from './reports/reports-worker.module';
import { AppointmentsWorkerModule } from './appointments/appointments-worker.module';
import { DeadlinesModule } from '@mesecvi/deadlines';
import { ReminderSweepHandler } from './reminders/reminder-sweep.handler';
import { ComplianceWorkerModule } from './compliance/compliance-worker.module';
import { ReviewsWorkerModule } from './reviews/reviews-worker.module';

@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule.forRoot(ALL_ENTITIES, 'mesecvi-worker'),
        ClockModule,
        JobsModule,
        DiscoveryModule,
        AuditModule,
        MailWorkerModule,
        DeadlinesModule,
        AppointmentsWorkerModule,
        ComplianceWorkerModule,
        ReportsWorkerModule,
        ReviewsWorkerModule,
      ],
      providers: [
        JobHandlerRegistry,
        JobSchedules,
        ...QUEUE_PROCESSORS,
        HeartbeatHandler,
        AuditSealHandler,
        ReminderSweepHandler,
      ],
    };
  }
}
