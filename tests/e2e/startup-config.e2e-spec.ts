import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.join(__dirname, '..', '..');

function start(
  app: 'api' | 'worker',
  env: Record<string, string>,
): { status: number | null; stderr: string; stdout: string } {
  const r = spawnSync(process.execPath, ['-r', '@swc-node/register', `apps/${app}/src/main.ts`], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', ...env },
    encoding: 'utf8',
    timeout: 30000,
  });
  return { status: r.status, stderr: r.stderr, stdout: r.stdout };
}

const good = {
  DATABASE_URL: 'postgres://u:topsecret@127.0.0.1:1/x',
  REDIS_URL: 'redis://127.0.0.1:1',
  SMTP_URL: 'smtp://127.0.0.1:1',
  JWT_SECRET: 'x'.repeat(40),
};

describe('start-up refuses a bad configuration with one clear line', () => {
  it.each(['api', 'worker'] as const)('%s stops when DATABASE_URL is missing', (app) => {
    const { status, stderr } = start(app, {
      REDIS_URL: good.REDIS_URL,
      SMTP_URL: good.SMTP_URL,
      JWT_SECRET: good.JWT_SECRET,
    });
    expect(status).toBe(1);
    expect(stderr.trim()).toBe('Configuration error: DATABASE_URL is required (see .env.example)');
  });

  it('api stops on a malformed PORT and does not print secrets', () => {
    const { status, stderr, stdout } = start('api', { ...good, PORT: 'http' });
    expect(status).toBe(1);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain('PORT');
    expect(stderr + stdout).not.toContain('topsecret');
  });

  it('api stops on a TRUSTED_PROXIES that is neither a hop count nor addresses, saying what it expects', () => {
    const { status, stderr } = start('api', { ...good, TRUSTED_PROXIES: 'true' });
    expect(status).toBe(1);
    expect(stderr.trim()).toBe(
      'Configuration error: TRUSTED_PROXIES must be a hop count or comma-separated IP addresses / CIDR ranges ("true" is neither)',
    );
  });
});
