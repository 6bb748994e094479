import { securityHeaders } from './security-headers';

describe('security headers', () => {
  it('over https: HSTS, and the CSP upgrades insecure requests', () => {
    const headers = securityHeaders({ https: true });
    expect(headers['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(headers['content-security-policy']).toContain('upgrade-insecure-requests');
  });

  it('over http (a pilot on a private address): neither, while the rest of the CSP stays as strict', () => {
    const headers = securityHeaders({ https: false });
    expect(headers['strict-transport-security']).toBeUndefined();
    const csp = headers['content-security-policy'];
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
  });
});
