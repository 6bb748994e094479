export { createLogger, type Logger } from './logger';
export { PinoNestLogger } from './pino-nest-logger';
export { PlatformMetrics } from './metrics';
export { shutDownOnSignals } from './shutdown';
