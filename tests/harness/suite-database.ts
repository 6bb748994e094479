import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { testEnv } from './test-env';

interface DatabaseScripts {
  recreateDatabase(adminUrl: string, name: string, template?: string): Promise<string>;
  dropDatabase(adminUrl: string, name: string): Promise<void>;
  adminQuery(adminUrl: string, sql: string, params?: unknown[]): Promise<{ rows: unknown[] }>;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS helper of scripts/, shared with `npm test`
const db = require(path.join(__dirname, '..', '..', 'scripts', 'lib', 'database.js')) as DatabaseScripts;

export interface SuiteDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** A database of the suite's own, cloned from the migrated template: fast and isolated. */
export async function createSuiteDatabase(options: { empty?: boolean } = {}): Promise<SuiteDatabase> {
  const env = testEnv();
  const name = `suite_${randomBytes(6).toString('hex')}`;
  const url = await db.recreateDatabase(env.pgAdminUrl, name, options.empty ? undefined : env.templateDb);
  return { name, url, drop: () => db.dropDatabase(env.pgAdminUrl, name) };
}
