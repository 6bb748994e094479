// `npm run schemas:types`: regenerates schemas/types/*.ts from the questionnaires (commit them).
// `-- --check` regenerates in memory and exits 1 when a committed file is stale or missing (the
// test runs that: prettier, which json-schema-to-typescript uses, cannot load inside jest).
import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { generateQuestionnaireTypes } from './schemas/generate-types';

async function main(): Promise<number> {
  const check = process.argv.includes('--check');
  const dirArg = process.argv.indexOf('--dir');
  // `--dir` lets the test check a copy instead of editing the committed files.
  const dir = dirArg > 0 ? path.resolve(process.argv[dirArg + 1]) : path.join(__dirname, '..', 'schemas', 'types');
  const generated = await generateQuestionnaireTypes();
  const expected = new Set(generated.map((g) => g.file));
  const extra = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.ts') && !expected.has(f)) : [];
  let stale = extra.length;
  for (const f of extra) console.log(`stale     schemas/types/${f} (no questionnaire generates it)`);
  if (!check) fs.mkdirSync(dir, { recursive: true });
  for (const { file, content } of generated) {
    const target = path.join(dir, file);
    const same = fs.existsSync(target) && fs.readFileSync(target, 'utf8') === content;
    if (check) {
      if (!same) stale += 1;
      console.log(`${same ? 'up to date' : 'STALE     '} schemas/types/${file}`);
    } else {
      if (!same) fs.writeFileSync(target, content);
      console.log(`${same ? 'unchanged' : 'written  '} schemas/types/${file}`);
    }
  }
  if (check && stale > 0) console.log('run `npm run schemas:types` and commit the result');
  return check && stale > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
