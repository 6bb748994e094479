export { dataSourceOptions, type EntityList } from './data-source-options';
export { runMigrationsWithLock, MIGRATION_LOCK_KEY } from './run-migrations';
export { DatabaseModule } from './database.module';
export { MIGRATIONS } from './migrations';
export { namedStatement, queryNamed } from './named-statement';
