import AxeBuilder from '@axe-core/playwright';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';

/** WCAG 2.1 A and AA, the level the platform promises. Never narrowed: no exclusions, no disabled rules. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Runs axe-core over the whole page once its main heading is visible and fails on any violation,
 * naming each rule and the elements it found. Prints the page's passed-rule count. With
 * `BROWSER_SCREENSHOTS=<dir>`, also saves a full-page screenshot of each page it checked, to look at.
 */
export async function expectAccessible(page: Page, label: string): Promise<{ passes: number }> {
  await page.getByRole('heading', { level: 1 }).first().waitFor({ state: 'visible' });
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const screenshots = process.env.BROWSER_SCREENSHOTS;
  if (screenshots) {
    fs.mkdirSync(screenshots, { recursive: true });
    const file = `${label.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '')}.png`;
    await page.screenshot({ path: path.join(screenshots, file), fullPage: true });
  }
  process.stdout.write(
    `[axe] ${label}: ${results.violations.length} violation(s), ${results.passes.length} rule(s) passed, ` +
      `${results.incomplete.length} to review by hand\n`,
  );
  if (results.violations.length > 0) {
    const found = results.violations.map(
      (v) => `${v.id} (${v.impact ?? 'n/a'}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`,
    );
    throw new Error(`axe found ${results.violations.length} violation(s) on ${label}:\n${found.join('\n')}`);
  }
  return { passes: results.passes.length };
}
