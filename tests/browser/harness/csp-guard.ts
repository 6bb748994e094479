import type { Page } from 'playwright-core';

/**
 * Collects every Content Security Policy violation a page raises: the `securitypolicyviolation`
 * events (reported through a binding installed before any page script runs) and the CSP errors
 * Chromium writes to the console. A test that passes with a blocked script or style would hide a
 * page that is broken for real users.
 */
export class CspGuard {
  private readonly violations: string[] = [];

  static async watch(page: Page): Promise<CspGuard> {
    const guard = new CspGuard();
    await page.exposeBinding('__reportCspViolation', (_source, text: string) => {
      guard.violations.push(text);
    });
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        const report = (window as unknown as { __reportCspViolation: (text: string) => Promise<void> })
          .__reportCspViolation;
        void report(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'} on ${event.documentURI}`);
      });
    });
    page.on('console', (message) => {
      if (message.type() === 'error' && /content security policy/i.test(message.text())) {
        guard.violations.push(`console: ${message.text()}`);
      }
    });
    return guard;
  }

  /** What was seen so far. */
  seen(): readonly string[] {
    return this.violations;
  }

  expectNone(): void {
    if (this.violations.length > 0) {
      throw new Error(`Content Security Policy violations:\n${this.violations.join('\n')}`);
    }
  }
}
