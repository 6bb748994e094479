import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from '@mesecvi/config';
import { dataSourceOptions, type EntityList } from './data-source-options';

/** Opens the TypeORM data source for an app. Migrations are run before this, under a lock. */
@Module({})
export class DatabaseModule {
  static forRoot(entities: EntityList, appName: string): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) => ({
            ...dataSourceOptions(config, entities, appName),
            retryAttempts: 3,
            retryDelay: 1000,
          }),
        }),
      ],
      exports: [TypeOrmModule],
    };
  }
}
