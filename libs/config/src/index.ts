export { APP_CONFIG, parseRatingScale, type AppConfig, type RatingScaleEntry } from './app-config';
export { loadConfig, ConfigError } from './load-config';
export { envSchema, SECRET_VARS, type EnvVars, type AppMode, type LogLevel } from './config.schema';
export { ConfigModule } from './config.module';
export { describeTrustedProxies, type TrustedProxies } from './trusted-proxies';
