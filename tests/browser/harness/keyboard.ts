import type { Page } from 'playwright-core';

export type FocusExpectation = { role: string; name: string | RegExp };

/** The control that has the focus, as a form filler needs it (read from the page, never changed). */
export interface FocusedControl {
  id: string;
  tag: string;
  type: string;
  value: string;
  checked: boolean;
  /** Inside the questionnaire's form. */
  inForm: boolean;
}

/**
 * A person using the keyboard alone: every move is `page.keyboard` (Tab, Shift+Tab, Enter, Space,
 * typing), never a click, a fill, a focus() or another locator action. After each Tab it checks
 * which control has the focus (its role and accessible name, as a screen reader would announce
 * it) and that the focus can be seen.
 */
export class KeyboardUser {
  constructor(private readonly page: Page) {}

  async tab(expected: FocusExpectation): Promise<void> {
    await this.page.keyboard.press('Tab');
    await this.expectFocus(expected);
  }

  async shiftTab(expected: FocusExpectation): Promise<void> {
    await this.page.keyboard.press('Shift+Tab');
    await this.expectFocus(expected);
  }

  /** Tabs forward until the focus is on `expected` (within `max` presses), then checks it as `tab` does. */
  async tabTo(expected: FocusExpectation, max = 120): Promise<void> {
    const target = this.page.getByRole(expected.role as 'button', { name: expected.name, exact: true });
    for (let i = 0; i < max; i++) {
      await this.page.keyboard.press('Tab');
      if (await target.evaluateAll((els) => els.some((el) => el === document.activeElement))) break;
    }
    await this.expectFocus(expected);
  }

  async type(text: string): Promise<void> {
    await this.page.keyboard.type(text);
  }

  /** Presses Tab and answers which control took the focus; the focus must be visible, as after every Tab. */
  async next(): Promise<FocusedControl> {
    await this.page.keyboard.press('Tab');
    const { control, indicator } = await this.page.evaluate(() => {
      const el = document.activeElement as HTMLInputElement | null;
      if (!el || el === document.body) return { control: undefined, indicator: 'no focused element' };
      const style = getComputedStyle(el);
      const marked =
        (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
      return {
        control: {
          id: el.id,
          tag: el.tagName.toLowerCase(),
          type: el.type ?? '',
          value: el.value ?? '',
          checked: el.checked === true,
          inForm: el.closest('.q-form') !== null,
        },
        // A date field's focus is on one of its parts (day, month, year), which the browser
        // highlights itself: the field as a whole is then not `:focus-visible`.
        indicator:
          el.type === 'date'
            ? ''
            : !el.matches(':focus-visible')
              ? 'not shown as keyboard focus'
              : marked
                ? ''
                : 'no outline or shadow',
      };
    });
    if (!control || indicator) throw new Error(`focus on ${control?.id ?? 'nothing'} cannot be seen: ${indicator}`);
    return control;
  }

  async press(key: 'Enter' | 'Space'): Promise<void> {
    await this.page.keyboard.press(key === 'Space' ? ' ' : key);
  }

  /** The focused element's role and accessible name, and a visible focus indicator on it. */
  async expectFocus(expected: FocusExpectation): Promise<void> {
    const snapshot = await this.page.locator('*:focus').ariaSnapshot();
    // A name with ": " in it makes the line a YAML single-quoted string: `- 'link "Question : message"'`.
    const line = snapshot.split('\n')[0] ?? '';
    const quoted = /^- '(.*)'(?::|$)/.exec(line);
    const entry = quoted ? `- ${(quoted[1] ?? '').replace(/''/g, "'")}` : line;
    const match = /^- ([\w-]+)(?: "((?:[^"\\]|\\.)*)")?/.exec(entry);
    const role = match?.[1];
    const name = (match?.[2] ?? '').replace(/\\(.)/g, '$1');
    const nameOk = typeof expected.name === 'string' ? name === expected.name : expected.name.test(name);
    if (role !== expected.role || !nameOk) {
      throw new Error(
        `focus is on ${role ?? 'nothing'} "${name}", expected ${expected.role} "${String(expected.name)}"`,
      );
    }
    const indicator = await this.page.evaluate(() => {
      const el = document.activeElement;
      if (!el) return 'no focused element';
      const style = getComputedStyle(el);
      const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
      const shadow = style.boxShadow !== 'none';
      if (!el.matches(':focus-visible')) return 'the focus is not shown as keyboard focus (:focus-visible)';
      return outline || shadow ? '' : 'no outline or box-shadow marks the focus';
    });
    if (indicator) throw new Error(`focus on ${role} "${name}" cannot be seen: ${indicator}`);
  }
}
