import { escapePointerSegment as escape } from '@mesecvi/questionnaires';
import { isPlainObject } from './document-limits';

import type { AnswerChange } from './submission.schemas';

export type { AnswerChange, AnswerChangeKind } from './submission.schemas';

/**
 * What changed between two answer documents, by JSON pointer, down to the leaves: objects key
 * by key, arrays position by position; values of another kind count as one change.
 */
export function diffAnswers(
  before: unknown,
  after: unknown,
  labelOf: (itemId: string) => string | null,
): AnswerChange[] {
  const changes: AnswerChange[] = [];
  const label = (pointer: string): string | null =>
    labelOf((pointer.split('/')[1] ?? '').replace(/~1/g, '/').replace(/~0/g, '~'));
  const walk = (a: unknown, b: unknown, pointer: string): void => {
    if (isPlainObject(a) && isPlainObject(b)) {
      const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
      for (const key of keys) {
        const at = `${pointer}/${escape(key)}`;
        if (!(key in b)) changes.push({ pointer: at, change: 'removed', label: label(at), before: a[key] });
        else if (!(key in a)) changes.push({ pointer: at, change: 'added', label: label(at), after: b[key] });
        else walk(a[key], b[key], at);
      }
      return;
    }
    if (Array.isArray(a) && Array.isArray(b)) {
      for (let i = 0; i < Math.max(a.length, b.length); i++) {
        const at = `${pointer}/${i}`;
        if (i >= b.length) changes.push({ pointer: at, change: 'removed', label: label(at), before: a[i] });
        else if (i >= a.length) changes.push({ pointer: at, change: 'added', label: label(at), after: b[i] });
        else walk(a[i], b[i], at);
      }
      return;
    }
    if (JSON.stringify(a) !== JSON.stringify(b))
      changes.push({ pointer, change: 'changed', label: label(pointer), before: a, after: b });
  };
  walk(before, after, '');
  return changes;
}
