import { Module, type DynamicModule, type Type } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { ConfigModule, type AppConfig } from '@mesecvi/config';
import { DatabaseModule } from '@mesecvi/database';
import { ClockModule } from '@mesecvi/clock';
import { JobsModule } from '@mesecvi/jobs';
import { ALL_ENTITIES } from '@mesecvi/entity-registry';
import { ProblemFilter } from '@mesecvi/errors';
import { AccessGuard, Authenticator, NoAuthenticator } from '@mesecvi/http';
import { HealthModule } from './health/health.module';
import { MetricsModule } from './metrics/metrics.module';

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
        HealthModule,
        MetricsModule,
        ...extraModules,
      ],
      providers: [
        { provide: Authenticator, useClass: NoAuthenticator },
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_FILTER, useClass: ProblemFilter },
      ],
    };
  }
}
