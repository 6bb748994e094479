// Per-keystroke cost of a section form in Chromium: the time from each keydown (the event's own
// time stamp) to just after the next frame (a message posted from the frame's rAF callback runs
// once the frame is done), one key at a time, so no keystroke's work overlaps the next one's.
import type { Browser, Page } from 'playwright-core';
import { answerApi } from './page-api';
import { EVALUATION_ID, type ServedQuestionnaire } from './served-questionnaire';

/** ASCII only: Playwright types other characters with `insertText`, which sends no keydown. */
const SENTENCE = 'Loi sur la prevention et la sanction des violences faites aux femmes, adoptee en 2020. ';
const WARM_UP_KEYS = 10;

export interface KeystrokeRun {
  /** One duration per measured keystroke (ms), in typing order. */
  durations: number[];
}

export interface KeystrokePlan {
  keystrokes: number;
  cpuThrottlingRate: number;
}

interface Probe {
  durations: number[];
  pending: Promise<void>;
}

/** What the probe uses of the page's globals (the benchmark is type-checked without the DOM's types). */
interface PageGlobals {
  document: {
    addEventListener(type: 'keydown', listener: (event: { timeStamp: number }) => void, capture: boolean): void;
  };
  requestAnimationFrame(callback: () => void): number;
  MessageChannel: new () => { port1: { onmessage: (() => void) | null }; port2: { postMessage(message: null): void } };
  performance: { now(): number };
  keystrokeProbe: Probe;
}

/** Installed in the page: each keydown's cost, read after the frame that follows it. */
function installProbe(): void {
  const page = globalThis as unknown as PageGlobals;
  const probe: Probe = { durations: [], pending: Promise.resolve() };
  page.keystrokeProbe = probe;
  page.document.addEventListener(
    'keydown',
    (event) => {
      const start = event.timeStamp;
      probe.pending = new Promise<void>((resolve) => {
        page.requestAnimationFrame(() => {
          const channel = new page.MessageChannel();
          channel.port1.onmessage = () => {
            probe.durations.push(page.performance.now() - start);
            resolve();
          };
          channel.port2.postMessage(null);
        });
      });
    },
    true,
  );
}

/** Waits until the last keydown is measured. */
const settled = (page: Page): Promise<void> =>
  page.evaluate(() => (globalThis as unknown as PageGlobals).keystrokeProbe.pending);

/**
 * Opens the section page of `theme` with `questionnaire` served, then types into the comment of
 * `itemId` under CPU throttling: a few keys to warm up, then `plan.keystrokes` measured ones.
 */
export async function typeIntoSection(
  browser: Browser,
  origin: string,
  questionnaire: ServedQuestionnaire,
  target: { theme: string; itemId: string },
  plan: KeystrokePlan,
): Promise<KeystrokeRun> {
  const context = await browser.newContext({ locale: 'fr-HT' });
  try {
    const page = await context.newPage();
    const unexpected = await answerApi(page, origin, questionnaire);
    await page.goto(`${origin}/app/evaluations/${EVALUATION_ID}/sections/${target.theme}`);
    const { texts } = questionnaire;
    const field = page
      .getByRole('group', { name: texts.items[target.itemId].label, exact: true })
      .getByRole('textbox', { name: texts.fields.comment, exact: true });
    await field.waitFor();
    await field.focus();
    await page.evaluate(installProbe);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: plan.cpuThrottlingRate });

    const text = SENTENCE.repeat(Math.ceil((WARM_UP_KEYS + plan.keystrokes) / SENTENCE.length)).slice(
      0,
      WARM_UP_KEYS + plan.keystrokes,
    );
    for (const char of text) {
      await page.keyboard.type(char);
      await settled(page);
    }
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    const typed = await field.inputValue();
    if (typed !== text) throw new Error(`the comment holds ${JSON.stringify(typed)}, not what was typed`);
    if (unexpected.length > 0) throw new Error(`the page called the api unexpectedly: ${unexpected.join(', ')}`);
    const durations = await page.evaluate(() => (globalThis as unknown as PageGlobals).keystrokeProbe.durations);
    if (durations.length !== text.length)
      throw new Error(`${durations.length} keydowns measured, ${text.length} typed`);
    return { durations: durations.slice(WARM_UP_KEYS) };
  } finally {
    await context.close();
  }
}

export const mean = (values: number[]): number => values.reduce((sum, v) => sum + v, 0) / values.length;

/** The value below which `q` of the values lie (nearest rank). */
export function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}
