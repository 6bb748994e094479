import { Module, type DynamicModule, type Type } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { ConfigModule, type AppConfig } from '@mesecvi/config';
import { DatabaseModule } from '@mesecvi/database';
import { ClockModule } from '@mesecvi/clock';
import { JobsModule } from '@mesecvi/jobs';
import { ALL_ENTITIES } from '@mesecvi/entity-registry';
import { ProblemFilter } from '@mesecvi/errors';
import { AccessGuard } from '@mesecvi/http';
import { PolicyModule } from '@mesecvi/policy';
import { HealthModule } from './health/health.module';
import { MetricsModule } from './metrics/metrics.module';
import { AuditApiModule } from './audit/audit-api.module';
import { OutboxApiModule } from './outbox/outbox-api.module';
import { AccountsApiModule } from './accounts/accounts-api.module';
import { StatesApiModule } from './states/states-api.module';
import { AppointmentsApiModule } from './appointments/appointments-api.module';
import { DeadlinesApiModule } from './deadlines/deadlines-api.module';
import { RoundsApiModule } from './rounds/rounds-api.module';
import { QuestionnairesApiModule } from './questionnaires/questionnaires-api.module';
import { SubmissionsApiModule } from './submissions/submissions-api.module';
import { ComplianceApiModule } from './compliance/compliance-api.module';
import { ReviewsApiModule } from './reviews/reviews-api.module';
import { ReportsApiModule } from './reports/reports-api.module';
import { RecommendationsApiModule } from './recommendations/recommendations-api.module';
import { MechanismReportsApiModule } from './mechanism-reports/mechanism-reports-api.module';
import { WriteRateLimitGuard } from './rate-limit/write-rate-limit.guard';
import { ClientErrorsModule } from './client-errors/client-errors.module';

/** The HTTP application. `extraModules` lets tests mount probe controllers. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig, extraModules: Type[] = []): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule.forRoot(ALL_ENTITIES, 'mesecvi-api'),
        ClockModule,
        JobsModule,
        PolicyModule,
        AccountsApiModule,
        StatesApiModule,
        AppointmentsApiModule,
        DeadlinesApiModule.forRoot(config),
        RoundsApiModule,
        QuestionnairesApiModule,
        SubmissionsApiModule,
        ReviewsApiModule,
        ReportsApiModule,
        RecommendationsApiModule,
        MechanismReportsApiModule,
        HealthModule,
        MetricsModule,
        AuditApiModule,
        OutboxApiModule,
        ComplianceApiModule,
        ClientErrorsModule,
        ...extraModules,
      ],
      providers: [
        { provide: APP_GUARD, useClass: AccessGuard },
        // After AccessGuard: guards run in this order, and the limit needs the signed-in caller.
        { provide: APP_GUARD, useClass: WriteRateLimitGuard },
        { provide: APP_FILTER, useClass: ProblemFilter },
      ],
    };
  }
}
