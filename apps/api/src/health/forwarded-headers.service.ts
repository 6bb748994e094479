import { Inject, Injectable, Logger } from '@nestjs/common';
import type { IncomingHttpHeaders } from 'node:http';
import { APP_CONFIG, describeTrustedProxies, type AppConfig } from '@mesecvi/config';

export interface ProxyReport {
  trustedProxies: string;
  /** Only while no proxy is trusted: whether requests came with forwarding headers (ignored). */
  forwardedHeadersIgnored?: boolean;
  warning?: string;
}

const WARNING =
  'Requests carry X-Forwarded-For or Forwarded but TRUSTED_PROXIES is unset: they are ignored and every client counts as the proxy’s address. Set TRUSTED_PROXIES to the proxy’s address or hop count.';

/**
 * Notices forwarding headers while no proxy is trusted: behind an unconfigured proxy every client
 * shares the proxy's address (one sign-in throttle for all). Warned once in the log, and on /ready.
 */
@Injectable()
export class ForwardedHeaders {
  private readonly logger = new Logger('ProxyTrust');
  private readonly trusted: string;
  private readonly watching: boolean;
  private seen = false;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.trusted = describeTrustedProxies(config.http.trustedProxies);
    this.watching = config.http.trustedProxies.kind === 'none';
  }

  /** Runs on every request: two header lookups until the first sighting, nothing after. */
  notice(headers: IncomingHttpHeaders): void {
    if (!this.watching || this.seen) return;
    if (headers['x-forwarded-for'] === undefined && headers.forwarded === undefined) return;
    this.seen = true;
    this.logger.warn(WARNING);
  }

  report(): ProxyReport {
    if (!this.watching) return { trustedProxies: this.trusted };
    return this.seen
      ? { trustedProxies: this.trusted, forwardedHeadersIgnored: true, warning: WARNING }
      : { trustedProxies: this.trusted, forwardedHeadersIgnored: false };
  }
}
