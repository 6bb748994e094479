import type { Page } from 'playwright-core';

/**
 * The texts of the page (and its labels, placeholders and titles) that are not `[[…]]`-wrapped by
 * the pseudo-locale, so not from the catalogue. Data from the api, marked `data-api-text`, is
 * left out, and so are separators and symbols (a required field's asterisk).
 */
export function textsNotFromCatalogue(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const data = new Set(Array.from(document.querySelectorAll('[data-api-text]'), (el) => el));
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = (node.textContent ?? '').trim();
      if (!/\p{L}/u.test(text)) continue;
      const parent = node.parentElement;
      if (!parent || ['STYLE', 'SCRIPT', 'NOSCRIPT'].includes(parent.tagName)) continue;
      if ([...data].some((el) => el.contains(parent))) continue;
      if (!/^\[\[[\s\S]*\]\]$/.test(text)) found.push(text);
    }
    const attributes = Array.from(document.querySelectorAll('[aria-label],[placeholder],[title]'), (el) =>
      ['aria-label', 'placeholder', 'title'].map((a) => el.getAttribute(a) ?? ''),
    ).flat();
    return [...found, ...attributes.filter((v) => v !== '' && !/^\[\[[\s\S]*\]\]$/.test(v))];
  });
}
