import Ajv from 'ajv';
import { envSchema, type EnvVars } from './config.schema';
import { toAppConfig, type AppConfig } from './app-config';
import { parseTrustedProxies } from './trusted-proxies';

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    reason: string,
  ) {
    super(`Configuration error: ${variable} ${reason}`);
    this.name = 'ConfigError';
  }
}

const ajv = new Ajv({ coerceTypes: true, useDefaults: true, allErrors: false, strict: true });
const validateEnv = ajv.compile(envSchema);

/** Time zones are checked against the runtime's ICU data, which a JSON Schema cannot do. */
function assertTimeZone(tz: string): void {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
  } catch {
    throw new ConfigError('MECHANISM_TIME_ZONE', `must be an IANA time zone (got "${tz}")`);
  }
}

/**
 * Reads and validates the environment once. Empty strings count as unset so that a blank line
 * in an env file falls back to the default instead of failing a type check.
 */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): AppConfig {
  const keys = Object.keys(envSchema.properties) as Array<keyof EnvVars>;
  const candidate: Record<string, unknown> = {};
  for (const key of keys) {
    const value = source[key];
    if (value !== undefined && value !== '') candidate[key] = value;
  }
  if (!validateEnv(candidate)) {
    const err = validateEnv.errors?.[0];
    if (!err) throw new ConfigError('environment', 'is invalid');
    if (err.keyword === 'required') {
      const missing = String((err.params as { missingProperty: string }).missingProperty);
      throw new ConfigError(missing, 'is required (see .env.example)');
    }
    const variable = err.instancePath.replace(/^\//, '') || 'environment';
    // Never echo the rejected value: it may be a secret.
    throw new ConfigError(variable, `${err.message ?? 'is invalid'}`);
  }
  const env = candidate as unknown as EnvVars;
  assertTimeZone(env.MECHANISM_TIME_ZONE);
  const scale = env.RECOMMENDATION_RATING_SCALE.split(',').map((p) => p.split(':')[0]);
  if (new Set(scale).size !== scale.length) throw new ConfigError('RECOMMENDATION_RATING_SCALE', 'names a value twice');
  const proxies = parseTrustedProxies(env.TRUSTED_PROXIES);
  if ('invalid' in proxies) throw new ConfigError('TRUSTED_PROXIES', proxies.invalid);
  return toAppConfig(env);
}
