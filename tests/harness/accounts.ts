import argon2 from 'argon2';
import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Language, Role } from '@mesecvi/http';
import type { TestApi } from './test-api';

export interface TestAccount {
  id: string;
  email: string;
  password: string;
  role: Role;
  stateCode: string | null;
}

export interface AccountFactoryOptions {
  role: Role;
  stateCode?: string | null;
  email?: string;
  password?: string;
  name?: string;
  language?: Language | null;
  status?: 'invited' | 'active' | 'disabled';
}

/** Inserts an account directly (a factory): active, with a known password, cheap argon2 cost. */
export async function createAccount(ds: DataSource, options: AccountFactoryOptions): Promise<TestAccount> {
  const suffix = randomBytes(4).toString('hex');
  const stateCode = options.role === 'secretariat' ? null : (options.stateCode ?? 'ARG');
  const email = (options.email ?? `${options.role}.${stateCode ?? 'oas'}.${suffix}@example.test`).toLowerCase();
  const password = options.password ?? `pw-${suffix}-long-enough`;
  const hash = await argon2.hash(password, { type: argon2.argon2id, memoryCost: 1024, timeCost: 2, parallelism: 1 });
  const rows: Array<{ id: string }> = await ds.query(
    `INSERT INTO user_account (email, name, preferred_language, role, state_code, status, password_hash, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING id`,
    [
      email,
      options.name ?? `Test ${options.role} ${suffix}`,
      options.language ?? null,
      options.role,
      stateCode,
      options.status ?? 'active',
      hash,
      new Date(),
    ],
  );
  return { id: rows[0].id, email, password, role: options.role, stateCode };
}

export interface Session {
  accessToken: string;
  refreshToken: string;
  /** `Authorization` header value. */
  bearer: string;
}

/** Signs in through the real login route. */
export async function login(api: Pick<TestApi, 'http'>, email: string, password: string): Promise<Session> {
  const res = await api.http().post('/auth/login').send({ email, password });
  if (res.status !== 200) throw new Error(`login of ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return {
    accessToken: res.body.accessToken,
    refreshToken: res.body.refreshToken,
    bearer: `Bearer ${res.body.accessToken}`,
  };
}

/** An account of the given role, signed in: the usual start of an authorization test. */
export async function signedIn(
  api: Pick<TestApi, 'http'>,
  ds: DataSource,
  options: AccountFactoryOptions,
): Promise<TestAccount & Session> {
  const account = await createAccount(ds, options);
  return { ...account, ...(await login(api, account.email, account.password)) };
}
