import { Logger } from '@nestjs/common';
import { loadConfig } from '@mesecvi/config';
import { ForwardedHeaders } from './forwarded-headers.service';

const env = {
  DATABASE_URL: 'postgres://app:pass@db:5432/mesecvi',
  REDIS_URL: 'redis://redis:6379',
  SMTP_URL: 'smtp://mail:1025',
  JWT_SECRET: 'a-production-secret-of-at-least-32-chars',
};

describe('ForwardedHeaders', () => {
  afterEach(() => jest.restoreAllMocks());

  it('warns once, at the first request carrying X-Forwarded-For or Forwarded while no proxy is trusted', () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const watch = new ForwardedHeaders(loadConfig(env));
    watch.notice({ host: 'api' });
    expect(warn).not.toHaveBeenCalled();
    watch.notice({ forwarded: 'for=203.0.113.7' });
    watch.notice({ 'x-forwarded-for': '203.0.113.8' });
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0][0])).toMatch(/TRUSTED_PROXIES is unset/);
    expect(watch.report()).toMatchObject({ trustedProxies: 'none', forwardedHeadersIgnored: true });
  });

  it('stays quiet behind configured proxies, where forwarding headers are expected', () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const watch = new ForwardedHeaders(loadConfig({ ...env, TRUSTED_PROXIES: '2' }));
    watch.notice({ 'x-forwarded-for': '203.0.113.7, 10.0.0.2' });
    expect(warn).not.toHaveBeenCalled();
    expect(watch.report()).toEqual({ trustedProxies: '2 hops' });
  });
});
