// Typed access to scripts/lib/services.js, for suites that need services of their own
// (fault tests stop and restart them without disturbing other suites).
import path from 'node:path';

export interface RunningService {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** A maildev instance of a suite's own: SMTP on `smtpUrl`, its REST API (for `MailSink`) on `webUrl`. */
export interface RunningMailSink {
  smtpUrl: string;
  webUrl: string;
  pid: number;
  stop(): Promise<void>;
}

interface ServicesModule {
  freePort(): Promise<number>;
  startMailSink(opts: { smtpPort: number; webPort: number; projectRoot: string }): Promise<RunningMailSink>;
  startRedis(opts: { dir: string; port: number }): Promise<RunningService>;
  startPostgres(opts: { dir: string; port: number; fast?: boolean }): Promise<RunningService>;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS helper of scripts/, shared with `npm test`
export const services = require(path.join(__dirname, '..', '..', 'scripts', 'lib', 'services.js')) as ServicesModule;
