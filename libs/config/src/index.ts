export { APP_CONFIG, type AppConfig } from './app-config';
export { loadConfig, ConfigError } from './load-config';
export { envSchema, SECRET_VARS, type EnvVars, type AppMode, type LogLevel } from './config.schema';
export { ConfigModule } from './config.module';
