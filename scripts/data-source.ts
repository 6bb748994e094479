// The data source the TypeORM CLI uses for `npm run migration:generate|revert`.
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@mesecvi/database';
import { ALL_ENTITIES } from '@mesecvi/entity-registry';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('Configuration error: DATABASE_URL is required');

export const dataSource = new DataSource(
  dataSourceOptions({ database: { url, poolSize: 2, migrationsRun: false } }, ALL_ENTITIES, 'mesecvi-cli'),
);
