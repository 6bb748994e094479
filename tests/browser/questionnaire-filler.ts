// Fills a section of the questionnaire the way a keyboard user does: Tab from control to control
// through the form, and at each one type the fixture's value (a text, a number, a date, a code of a
// list) or press Space (the option of a choice, the boxes of a list). Nothing is written any other
// way: the filler reads which control has the focus and the fixture, and drives the keyboard only.
// A file already sent is cited through the evidence field's picker, its name typed.
import type { FocusedControl, KeyboardUser } from './harness';

/** The pointer segments a control's id names (`q_LEG-01_citations_0_name`), a choice's option index left off. */
function segmentsOf(control: FocusedControl): string[] {
  const segments = control.id.slice(2).split('_');
  if (control.type === 'radio' || control.type === 'checkbox')
    segments[segments.length - 1] = (segments[segments.length - 1] ?? '').replace(/-\d+$/, '');
  return segments;
}

function valueAt(document: unknown, segments: readonly string[]): unknown {
  let node = document;
  for (const segment of segments) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return node;
}

/** The form's id of a pointer's field. */
const fieldId = (pointer: string): string => `q${pointer.replace(/\//g, '_')}`;

/** A leaf of the fixture as typed: a text, a number, a code. */
function leaf(value: unknown): string {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new Error(`the fixture holds no single value here: ${JSON.stringify(value)}`);
}

/** A date as typed into the browser's date field in French: day, month, year. */
const typedDate = (iso: string): string => iso.split('-').reverse().join('');

/**
 * Tabs through the section's form, entering the value `answers` holds for each control, until the
 * focus leaves the form (on the control after it); `skip` names pointers left empty. Answers how
 * many controls were filled.
 */
export async function fillSection(
  keyboard: KeyboardUser,
  answers: Record<string, unknown>,
  skip: (pointer: string) => boolean = () => false,
  cite?: { pointer: string; typed: string; button: string },
): Promise<number> {
  let entered = false;
  let previous = '';
  let filled = 0;
  for (let presses = 0; presses < 800; presses++) {
    const control = await keyboard.next();
    if (!control.inForm) {
      if (entered) return filled;
      continue;
    }
    entered = true;
    // An evidence field's picker (`q_STA-06_evidence__pick`): choose the file by typing its name, then cite it.
    if (cite && control.id === `${fieldId(cite.pointer)}__pick`) {
      await keyboard.type(cite.typed);
      await keyboard.tab({ role: 'button', name: cite.button });
      await keyboard.press('Enter');
      filled++;
      // The picker may go with its last file: the focus then starts again from the page.
      entered = false;
      continue;
    }
    if (!control.id.startsWith('q_') || !['input', 'select', 'textarea'].includes(control.tag)) continue;
    const segments = segmentsOf(control);
    const value = valueAt(answers, segments);
    if (value === undefined || skip(`/${segments.join('/')}`)) continue;
    if (control.type === 'radio' || control.type === 'checkbox') {
      const wanted = Array.isArray(value) ? value.map(leaf) : [leaf(value)];
      if (!control.checked && wanted.includes(control.value)) {
        await keyboard.press('Space');
        filled++;
      }
      continue;
    }
    // A date field takes one Tab per part: it was typed into at its first.
    if (control.id === previous || control.value !== '') continue;
    previous = control.id;
    await keyboard.type(control.type === 'date' ? typedDate(leaf(value)) : leaf(value));
    filled++;
  }
  throw new Error('the focus never left the form');
}
