import { useEffect } from 'react';
import { useLocation } from 'react-router';

const FOCUSABLE = 'input:not([type="hidden"]):not([disabled]), select, textarea, button:not([disabled])';

/**
 * Moves the focus to the field an element id names: the element itself when it takes the focus
 * (an input), else its first control (a question's first answer, a list's first row), else the
 * element made focusable. Answers whether the element was found.
 */
export function focusField(elementId: string): boolean {
  const element = document.getElementById(elementId);
  if (!element) return false;
  const target = element.matches(FOCUSABLE) ? element : element.querySelector<HTMLElement>(FOCUSABLE);
  if (target) {
    target.focus();
    target.scrollIntoView({ block: 'center' });
    return true;
  }
  element.tabIndex = -1;
  element.focus();
  element.scrollIntoView({ block: 'center' });
  return true;
}

/**
 * On a page opened from an error summary's link (`…#q_LEG-03_citations`), the focus goes to that
 * field once the page shows it (`shown`), as it would on the summary's own page.
 */
export function useFocusFromHash(shown: boolean): void {
  const { hash } = useLocation();
  useEffect(() => {
    if (shown && hash.length > 1) focusField(decodeURIComponent(hash.slice(1)));
  }, [hash, shown]);
}
