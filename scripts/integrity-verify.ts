// `npm run submissions:verify` / `npm run attachments:verify`: recomputes the sha256 of every
// submitted version (from its stored canonical JSON) or of every evidence file (in PostgreSQL)
// and reports mismatches and missing files. Exit 0 when all match, 1 otherwise (or on an error).
// Uses DATABASE_URL, or the demo's database when it is unset (like audit:verify).
import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@mesecvi/database';
import { describeIntegrity, verifyAttachments, verifySubmissions } from '@mesecvi/submissions';

function databaseUrl(): string {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  const envFile = path.join(__dirname, '..', '.data', 'demo', 'env.json');
  if (fs.existsSync(envFile)) {
    const url = (JSON.parse(fs.readFileSync(envFile, 'utf8')) as { DATABASE_URL?: string }).DATABASE_URL;
    if (url) return url;
  }
  throw new Error(
    'Configuration error: DATABASE_URL is required (or run `npm run demo` once to create the demo database)',
  );
}

async function main(what: string): Promise<number> {
  if (what !== 'submissions' && what !== 'attachments')
    throw new Error('usage: integrity-verify.ts submissions|attachments');
  const ds = new DataSource(
    dataSourceOptions(
      { database: { url: databaseUrl(), poolSize: 2, migrationsRun: false } },
      [],
      `mesecvi-${what}-verify`,
    ),
  );
  await ds.initialize();
  try {
    const report = what === 'submissions' ? await verifySubmissions(ds) : await verifyAttachments(ds);
    console.log(describeIntegrity(what === 'submissions' ? 'submitted versions' : 'evidence files', report));
    return report.problems.length === 0 ? 0 : 1;
  } finally {
    await ds.destroy();
  }
}

const what = process.argv[2] ?? '';
main(what).then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(`${what} not verified: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  },
);
