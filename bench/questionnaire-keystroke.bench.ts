// The questionnaire form's cost per keystroke: typing into one comment of the largest section
// against typing into the same comment of a one-item questionnaire (same build, same widgets,
// same texts), in Chromium under CPU throttling ×4. The page gets its api answers from
// Playwright (bench/questionnaire-keystroke/page-api.ts): only the browser's work is measured.
import { chromium } from 'playwright-core';
import { webBuild } from './harness/web-build';
import { atMost, defineBenchmark, medianRound, type Figures } from './harness/benchmark';
import { mean, quantile, typeIntoSection, type KeystrokePlan } from './questionnaire-keystroke/keystrokes';
import {
  largestSection,
  oneItemQuestionnaire,
  servedEvaluationQuestionnaire,
} from './questionnaire-keystroke/served-questionnaire';
import { serveStaticApp } from './questionnaire-keystroke/static-app';

interface Plan extends KeystrokePlan {
  /** Rounds of both pages back to back, alternating which goes first; the median round is reported. */
  rounds: number;
}
const FULL: Plan = { keystrokes: 200, cpuThrottlingRate: 4, rounds: 3 };
const SMOKE: Plan = { keystrokes: 10, cpuThrottlingRate: 4, rounds: 1 };

export const questionnaireKeystrokeBenchmark = defineBenchmark({
  name: 'questionnaire-keystroke',
  comparisons: {
    keystroke: {
      name: 'keystroke in the largest section vs a one-item questionnaire',
      workload: (smoke) =>
        `${(smoke ? SMOKE : FULL).keystrokes} keys into one comment, keydown to next frame, mean; Chromium, CPU ×4; ` +
        (smoke
          ? 'baseline = same item alone; one round'
          : `baseline = same item alone; median of ${FULL.rounds} rounds`),
      units: 'ms',
      target: atMost(2),
    },
  },
  async run(ctx) {
    const plan = ctx.smoke ? SMOKE : FULL;
    webBuild.ensureWebBuild({ log: (m) => ctx.log(m) });
    const app = await serveStaticApp(webBuild.outDir);
    ctx.defer(() => app.close());
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-sync'],
    });
    ctx.defer(() => browser.close());

    const full = servedEvaluationQuestionnaire();
    const theme = largestSection(full);
    // The section's first item: the comment typed into is the same field on both pages.
    const itemId = full.items.find((item) => item.theme === theme)?.id ?? '';
    const alone = oneItemQuestionnaire(full, itemId);
    ctx.log(`section ${theme} (${full.items.filter((i) => i.theme === theme).length} items) vs ${itemId} alone`);

    const measure = async (which: 'section' | 'one item'): Promise<number> => {
      const { durations } = await typeIntoSection(
        browser,
        app.origin,
        which === 'section' ? full : alone,
        { theme, itemId },
        plan,
      );
      const f = (v: number) => v.toFixed(1);
      ctx.log(
        `${which}: ${durations.length} keys, mean ${f(mean(durations))} ms, p50 ${f(quantile(durations, 0.5))}, ` +
          `p95 ${f(quantile(durations, 0.95))}, max ${f(Math.max(...durations))}`,
      );
      return mean(durations);
    };
    const rounds: Figures[] = [];
    for (let round = 0; round < plan.rounds; round++) {
      const figures: Figures =
        round % 2 === 0
          ? { ours: await measure('section'), baseline: await measure('one item') }
          : { baseline: await measure('one item'), ours: await measure('section') };
      ctx.log(`round ${round + 1}: ratio ${(figures.ours / figures.baseline).toFixed(2)}`);
      rounds.push(figures);
    }
    return { keystroke: medianRound(rounds) };
  },
});
