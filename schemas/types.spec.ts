// schemas/types/*.ts are generated and committed; this fails when they are stale. The check
// regenerates them in memory in a child process (prettier, used by json-schema-to-typescript,
// needs dynamic import(), which jest's module system refuses).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.join(__dirname, '..');
const check = (dir = path.join(__dirname, 'types')) =>
  spawnSync(process.execPath, ['-r', '@swc-node/register', 'scripts/schemas-types.ts', '--check', '--dir', dir], {
    cwd: root,
    encoding: 'utf8',
  });

describe('generated questionnaire types', () => {
  it('match the schemas (run `npm run schemas:types` and commit when this fails)', () => {
    const run = check();
    expect({ status: run.status, out: run.stdout + run.stderr }).toEqual({
      status: 0,
      out: expect.stringContaining('up to date schemas/types/evaluation-round.ts'),
    });
  });

  it('notices a file edited by hand (on a copy)', () => {
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'schemas-types-'));
    try {
      fs.copyFileSync(path.join(__dirname, 'types', 'evaluation-round.ts'), path.join(copy, 'evaluation-round.ts'));
      fs.appendFileSync(path.join(copy, 'evaluation-round.ts'), '\n// edited by hand\n');
      const run = check(copy);
      expect(run.status).toBe(1);
      expect(run.stdout).toContain('STALE      schemas/types/evaluation-round.ts');
    } finally {
      fs.rmSync(copy, { recursive: true, force: true });
    }
  });
});
