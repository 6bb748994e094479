import type { UiSchema } from '@rjsf/utils';
import type { FormTranslator } from './form-messages';
import type { QuestionnaireTexts } from './ui-schema';

/** The segments of an RFC 6901 pointer (`/LEG-03/citations/0` → `LEG-03`, `citations`, `0`), unescaped. */
export function pointerSegments(pointer: string): string[] {
  return pointer
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The item a pointer (`/LEG-03/citations/0/name`) is about. */
export function itemOf(pointer: string): string {
  return pointerSegments(pointer)[0] ?? '';
}

/** The section form's prefix of every field id (`idPrefix` of the form). */
export const FIELD_ID_PREFIX = 'q';

/** The id of the form's element for a pointer, as the form library builds it (`q_LEG-03_citations_0`). */
export function fieldElementId(pointer: string): string {
  return [FIELD_ID_PREFIX, ...pointerSegments(pointer)].join('_');
}

/** The form's uiSchema node at a pointer's segments below the item (rows share their list's `items`). */
function uiAt(ui: UiSchema | undefined, segments: readonly string[]): UiSchema | undefined {
  let node = ui;
  for (const segment of segments) {
    if (!node) return undefined;
    node = (/^\d+$/.test(segment) ? node.items : node[segment]) as UiSchema | undefined;
  }
  return node;
}

/**
 * Where a pointer points, as a person reads it: the question, then each field's label and each
 * row's number ("Lois citées › Ligne 2 › Nom"), never the pointer or an id.
 */
export function pointerLabel(pointer: string, texts: QuestionnaireTexts, t: FormTranslator): string {
  const [item = '', ...rest] = pointerSegments(pointer);
  const parts = [texts.items[item]?.label ?? item];
  for (const segment of rest)
    parts.push(
      /^\d+$/.test(segment) ? t('row', { number: String(Number(segment) + 1) }) : (texts.fields[segment] ?? segment),
    );
  return parts.join(' › ');
}

/** The uiSchema node of the field a pointer names, for showing its value with the field's option labels. */
export function uiOfPointer(sectionUi: UiSchema, pointer: string): UiSchema | undefined {
  const [item = '', ...rest] = pointerSegments(pointer);
  return uiAt(sectionUi[item] as UiSchema | undefined, rest);
}
