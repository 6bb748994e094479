import type { DataSourceOptions, MixedList, EntitySchema } from 'typeorm';
import type { AppConfig } from '@mesecvi/config';
import { MIGRATIONS } from './migrations';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- the entity list type TypeORM itself declares
export type EntityList = MixedList<Function | string | EntitySchema>;

/** One definition of how we talk to PostgreSQL; `synchronize` is off everywhere, tests included. */
export function dataSourceOptions(
  config: Pick<AppConfig, 'database'>,
  entities: EntityList,
  appName: string,
): DataSourceOptions {
  return {
    type: 'postgres',
    url: config.database.url,
    entities,
    migrations: MIGRATIONS,
    migrationsTableName: 'typeorm_migrations',
    synchronize: false,
    migrationsRun: false,
    logging: false,
    extra: { max: config.database.poolSize, application_name: appName, connectionTimeoutMillis: 5000 },
  };
}
