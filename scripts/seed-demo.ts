// Seeds the demo data. Idempotent: running the demo again leaves existing data alone.
// Writes the demo accounts to .data/demo/accounts.txt for `npm run demo` to print.
import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';

async function main(): Promise<void> {
  const accountsFile = path.join(__dirname, '..', '.data', 'demo', 'accounts.txt');
  fs.mkdirSync(path.dirname(accountsFile), { recursive: true });
  fs.writeFileSync(accountsFile, '  Demo accounts: none yet (accounts arrive with Foundation B)\n');
  console.log('demo data: nothing to seed yet');
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
