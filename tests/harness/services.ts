// Typed access to scripts/lib/services.js, for suites that need services of their own
// (fault tests stop and restart them without disturbing other suites).
import path from 'node:path';

export interface RunningService {
  url: string;
  port: number;
  stop(): Promise<void>;
}

interface ServicesModule {
  freePort(): Promise<number>;
  startRedis(opts: { dir: string; port: number }): Promise<RunningService>;
  startPostgres(opts: { dir: string; port: number; fast?: boolean }): Promise<RunningService>;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
export const services = require(path.join(__dirname, '..', '..', 'scripts', 'lib', 'services.js')) as ServicesModule;
