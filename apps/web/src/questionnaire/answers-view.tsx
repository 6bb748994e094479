import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import { useMemo } from 'react';
import { useLocale } from '../i18n/i18n-context';
import { hasAnswer, type Answers } from './answers';
import { sectionItemIds, sectionSchema, type QuestionnaireItemRef } from './form-schema';
import { useFormT } from './use-form-t';
import { buildUiSchema, type QuestionnaireTexts } from './ui-schema';

export interface AnswersViewProps {
  schema: RJSFSchema;
  items: readonly QuestionnaireItemRef[];
  texts: QuestionnaireTexts;
  theme: string;
  answers: Answers;
  /** Only these items of the section (e.g. one answer in two versions); all of them when absent. */
  itemIds?: readonly string[];
}

interface ValueProps {
  value: unknown;
  ui: UiSchema | undefined;
  texts: QuestionnaireTexts;
}

const titleOf = (ui: UiSchema | undefined): string | undefined =>
  typeof ui?.['ui:title'] === 'string' ? ui['ui:title'] : undefined;

/** An object's answered fields in the form's order (the ui schema follows the schema's), not the stored key order. */
function fieldsInFormOrder(value: Record<string, unknown>, ui: UiSchema | undefined): Array<[string, unknown]> {
  const order = Object.keys(ui ?? {}).filter((key) => !key.startsWith('ui:'));
  const rank = (key: string): number => (order.includes(key) ? order.indexOf(key) : order.length);
  return Object.entries(value)
    .filter(([, v]) => hasAnswer(v))
    .sort(([a], [b]) => rank(a) - rank(b));
}

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date (`2024-03-15`, as date fields store it) as people write it in the page's language. */
function readableDate(text: string, language: string): string | undefined {
  const match = CALENDAR_DATE.exec(text);
  if (!match) return undefined;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  if (date.toISOString().slice(0, 10) !== text) return undefined;
  return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

/** One answer as text: labels for options, rows as a list, an object as label / value pairs. */
export function AnswerValue({ value, ui, texts }: ValueProps) {
  const t = useFormT();
  const { language } = useLocale();
  if (!hasAnswer(value)) return <span className="q-empty">{t('notAnswered')}</span>;
  if (ui?.['ui:field'] === 'evidence')
    return <>{t('evidenceCount', { count: String(Array.isArray(value) ? value.length : 0) })}</>;
  if (Array.isArray(value)) {
    const list = value as unknown[];
    if (ui?.['ui:widget'] === 'checkboxes')
      return <>{list.map((v) => texts.options[String(v)] ?? String(v)).join(', ')}</>;
    const rows = list.filter(hasAnswer);
    return (
      <ol className="q-answer-rows">
        {rows.map((row, i) => (
          <li key={i}>
            <AnswerValue value={row} ui={ui?.items as UiSchema | undefined} texts={texts} />
          </li>
        ))}
      </ol>
    );
  }
  if (typeof value === 'object' && value !== null) {
    const entries = fieldsInFormOrder(value as Record<string, unknown>, ui);
    return (
      <dl className="q-answer-fields">
        {entries.map(([key, v]) => (
          <div key={key}>
            <dt>{titleOf(ui?.[key] as UiSchema | undefined) ?? texts.fields[key] ?? key}</dt>
            <dd>
              <AnswerValue value={v} ui={ui?.[key] as UiSchema | undefined} texts={texts} />
            </dd>
          </div>
        ))}
      </dl>
    );
  }
  if (typeof value === 'number') return <>{new Intl.NumberFormat(language).format(value)}</>;
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return <>{texts.options[text] ?? readableDate(text, language) ?? text}</>;
}

/**
 * A section's answers to read (not to edit), labelled like the form: what "check your answers",
 * the experts' review and the secretariat's preview show.
 */
export function AnswersView({ schema, items, texts, theme, answers, itemIds }: AnswersViewProps) {
  const ids = useMemo(() => sectionItemIds(items, theme), [items, theme]);
  const shown = itemIds ? ids.filter((id) => itemIds.includes(id)) : ids;
  const ui = useMemo(
    () => buildUiSchema(sectionSchema(schema, items, theme), ids, texts),
    [schema, items, theme, ids, texts],
  );
  return (
    <dl className="q-answers">
      {shown.map((id) => (
        <div key={id} className="q-answer" data-item={id}>
          <dt className="q-item-label">{texts.items[id]?.label ?? id}</dt>
          <dd>
            <AnswerValue value={answers[id]} ui={ui[id] as UiSchema | undefined} texts={texts} />
          </dd>
        </div>
      ))}
    </dl>
  );
}
