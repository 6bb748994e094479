// `npm run audit:verify`: walks the sealed audit chain, recomputing every hash, and reports the
// unsealed lag. Exit 0 when the chain is intact, 1 at its first broken link (or on an error).
// Uses DATABASE_URL, or the demo's database when it is unset (like the migration commands).
import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@mesecvi/database';
import { describeAuditChain, verifyAuditChain } from '@mesecvi/audit';

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

/** "Now" as the platform's clock sees it: test and demo databases may hold a clock offset. */
async function platformNow(ds: DataSource): Promise<Date> {
  const rows: Array<{ offset_ms: string }> = await ds.query('SELECT offset_ms FROM clock_offset WHERE id = 1');
  const offset = rows.length > 0 ? Number(rows[0].offset_ms) : 0;
  return new Date(Date.now() + offset);
}

async function main(): Promise<number> {
  const ds = new DataSource(
    dataSourceOptions(
      { database: { url: databaseUrl(), poolSize: 2, migrationsRun: false } },
      [],
      'mesecvi-audit-verify',
    ),
  );
  await ds.initialize();
  try {
    const report = await verifyAuditChain(ds, await platformNow(ds));
    console.log(describeAuditChain(report));
    return report.ok ? 0 : 1;
  } finally {
    await ds.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(`audit chain not verified: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  },
);
