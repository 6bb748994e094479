import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createSuiteDatabase, services, testEnv, waitFor, type SuiteDatabase } from '../harness';

const root = path.join(__dirname, '..', '..');

function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

describe('processes start from their entry points, migrate, and stop cleanly on SIGTERM', () => {
  let db: SuiteDatabase;

  beforeAll(async () => {
    db = await createSuiteDatabase({ empty: true });
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('api: migrates an empty database at start-up, serves, and exits 0 on SIGTERM', async () => {
    const port = await services.freePort();
    const env = {
      ...process.env,
      APP_MODE: 'test',
      DATABASE_URL: db.url,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      QUEUE_PREFIX: 'shutdowntest',
      JWT_SECRET: 'x'.repeat(40),
    };
    const child = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/api/src/main.ts'], {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    const exited = exitOf(child);
    try {
      await waitFor(
        'the api to be ready',
        async () => {
          const res = await fetch(`http://127.0.0.1:${port}/ready`).catch(() => undefined);
          return res?.status === 200 ? true : undefined;
        },
        30000,
        200,
      );
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(output).toContain('"msg":"stopped"');
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    expect(testEnv().redisUrl).toBeTruthy();
  });

  it('worker: starts, then exits 0 on SIGTERM', async () => {
    const env = {
      ...process.env,
      APP_MODE: 'test',
      DATABASE_URL: db.url,
      LOG_LEVEL: 'info',
      QUEUE_PREFIX: 'shutdowntest',
      JWT_SECRET: 'x'.repeat(40),
    };
    const child = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/worker/src/main.ts'], {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
    const exited = exitOf(child);
    try {
      await waitFor(
        'the worker to start',
        async () => (output.includes('worker started') ? true : undefined),
        30000,
        200,
      );
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(output).toContain('"msg":"stopped"');
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
