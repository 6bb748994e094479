import { ConfigError, loadConfig } from './load-config';

const base = {
  DATABASE_URL: 'postgres://app:s3cret-pass@db:5432/mesecvi',
  REDIS_URL: 'redis://redis:6379',
  SMTP_URL: 'smtp://mail:1025',
  JWT_SECRET: 'a-production-secret-of-at-least-32-chars',
};

function errorOf(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) return e;
    throw e;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('builds a typed config with defaults', () => {
    const config = loadConfig(base);
    expect(config.mode).toBe('production');
    expect(config.http.port).toBe(3000);
    expect(config.http.bodyLimitBytes).toBe(1048576);
    expect(config.mechanism.timeZone).toBe('America/New_York');
    expect(config.clockMovable).toBe(false);
    expect(config.redis.queuePrefix).toBe('mesecvi');
  });

  it('coerces numbers and booleans and splits CORS origins', () => {
    const config = loadConfig({
      ...base,
      PORT: '8080',
      MIGRATIONS_RUN: 'false',
      CORS_ORIGINS: 'https://a.org, https://b.org',
      APP_MODE: 'demo',
    });
    expect(config.http.port).toBe(8080);
    expect(config.database.migrationsRun).toBe(false);
    expect(config.http.corsOrigins).toEqual(['https://a.org', 'https://b.org']);
    expect(config.clockMovable).toBe(true);
  });

  it.each(['DATABASE_URL', 'REDIS_URL', 'SMTP_URL', 'JWT_SECRET'])('names a missing %s in one line', (name) => {
    const env: Record<string, string> = { ...base };
    delete env[name];
    const e = errorOf(env);
    expect(e.variable).toBe(name);
    expect(e.message).toBe(`Configuration error: ${name} is required (see .env.example)`);
  });

  it('names a wrongly typed variable', () => {
    expect(errorOf({ ...base, PORT: 'eighty' }).message).toMatch(/^Configuration error: PORT must be integer/);
    expect(errorOf({ ...base, APP_MODE: 'staging' }).variable).toBe('APP_MODE');
    expect(errorOf({ ...base, BODY_LIMIT_BYTES: '12' }).variable).toBe('BODY_LIMIT_BYTES');
  });

  it('rejects an unknown time zone', () => {
    expect(errorOf({ ...base, MECHANISM_TIME_ZONE: 'Mars/Olympus' }).variable).toBe('MECHANISM_TIME_ZONE');
  });

  it('takes the secretariat contact as a bare address only (it is shown to people as written)', () => {
    for (const value of ['Secretariat <help@oas.org>', 'help', 'help@oas', 'a b@oas.org'])
      expect(errorOf({ ...base, SECRETARIAT_CONTACT_EMAIL: value }).variable).toBe('SECRETARIAT_CONTACT_EMAIL');
    expect(loadConfig({ ...base, SECRETARIAT_CONTACT_EMAIL: 'help@treaty.example' }).mechanism.secretariatContact).toBe(
      'help@treaty.example',
    );
  });

  it('never repeats a rejected secret in the message', () => {
    const e = errorOf({ ...base, DATABASE_URL: 'mysql://root:hunter2@db/x' });
    expect(e.variable).toBe('DATABASE_URL');
    expect(e.message).not.toContain('hunter2');
  });

  it('refuses a short JWT secret without echoing it', () => {
    const e = errorOf({ ...base, JWT_SECRET: 'short-secret' });
    expect(e.variable).toBe('JWT_SECRET');
    expect(e.message).not.toContain('short-secret');
  });

  it('uses cheap argon2 parameters in test mode only', () => {
    expect(loadConfig(base).auth.argon2.memoryCost).toBeGreaterThanOrEqual(19456);
    expect(loadConfig({ ...base, APP_MODE: 'test' }).auth.argon2.memoryCost).toBeLessThan(19456);
  });

  it('treats empty strings as unset', () => {
    expect(loadConfig({ ...base, PORT: '' }).http.port).toBe(3000);
  });
});

describe('TRUSTED_PROXIES', () => {
  it('trusts no proxy by default', () => {
    expect(loadConfig(base).http.trustedProxies).toEqual({ kind: 'none' });
  });

  it('reads a hop count or a list of addresses and CIDR ranges (IPv4 and IPv6)', () => {
    expect(loadConfig({ ...base, TRUSTED_PROXIES: '2' }).http.trustedProxies).toEqual({ kind: 'hops', count: 2 });
    expect(loadConfig({ ...base, TRUSTED_PROXIES: '10.0.0.0/8, 192.0.2.1,2001:db8::/32' }).http.trustedProxies).toEqual(
      { kind: 'ranges', ranges: ['10.0.0.0/8', '192.0.2.1', '2001:db8::/32'] },
    );
  });

  it.each(['0', '11', 'true', 'loopback', '10.0.0.0/33', '2001:db8::/129', '10.0.0.1/8/2', '10.0.0.1,', '300.1.1.1'])(
    'refuses %j at start-up, naming the variable',
    (value) => {
      const e = errorOf({ ...base, TRUSTED_PROXIES: value });
      expect(e.variable).toBe('TRUSTED_PROXIES');
      expect(e.message).toMatch(/^Configuration error: TRUSTED_PROXIES must be a hop count/);
    },
  );
});
