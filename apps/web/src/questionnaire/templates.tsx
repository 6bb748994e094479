import { Button, Group, Text, VisuallyHidden } from '@mantine/core';
import {
  getUiOptions,
  type ArrayFieldItemTemplateProps,
  type ArrayFieldTemplateProps,
  type FieldPathId,
  type FieldErrorProps,
  type FieldTemplateProps,
  type ObjectFieldTemplateProps,
  type Registry,
  type RJSFSchema,
  type TemplatesType,
} from '@rjsf/utils';
import { useFormT } from './use-form-t';
import type { Answers } from './answers';

type S = RJSFSchema;

/** A leaf field: its widget carries its own label and hint; errors follow it. */
function FieldTemplate({ classNames, children, errors, hidden }: FieldTemplateProps<Answers, S>) {
  if (hidden) return <div hidden>{children}</div>;
  return (
    <div className={classNames}>
      {children}
      {errors}
    </div>
  );
}

/**
 * An item is a fieldset whose legend is its label, with its help as a hint under it; a nested
 * object with a label (an amount, a series) is a fieldset too; a table row is a plain group (the
 * row template names it). The schema's own title and description are never shown.
 */
/** The id of a group's error text (under it), which the group names in `aria-describedby`. */
const errorIdOf = (id: string): string => `${id}__error`;

/**
 * Whether the group at `path` has problems of its own. The form hands a group's template its
 * children's errors only; the section's problems come through the form's context.
 */
function hasOwnErrors(registry: Registry<Answers, S>, path: ReadonlyArray<string | number>): boolean {
  let node: unknown = (registry.formContext as { problems?: unknown } | undefined)?.problems;
  for (const key of path) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
  const errors = node && typeof node === 'object' ? (node as { __errors?: unknown }).__errors : undefined;
  return Array.isArray(errors) && errors.length > 0;
}

/** A group's description: its hint, and its error when it has one (read when the focus enters it). */
function describedBy(
  fieldPathId: FieldPathId,
  hintId: string | undefined,
  registry: Registry<Answers, S>,
): string | undefined {
  const ids = [hintId, hasOwnErrors(registry, fieldPathId.path) ? errorIdOf(fieldPathId.$id) : undefined].filter(
    Boolean,
  );
  return ids.length > 0 ? ids.join(' ') : undefined;
}

function ObjectFieldTemplate({ fieldPathId, properties, uiSchema, registry }: ObjectFieldTemplateProps<Answers, S>) {
  const options = getUiOptions<Answers, S>(uiSchema);
  const title = typeof options.title === 'string' ? options.title : undefined;
  const hint = typeof options.description === 'string' ? options.description : undefined;
  const content = properties.filter((p) => !p.hidden).map((p) => p.content);
  if (!title) return <div className="q-fields">{content}</div>;
  const hintId = `${fieldPathId.$id}__hint`;
  const isItem = typeof options.item === 'string';
  return (
    <fieldset
      id={fieldPathId.$id}
      className={isItem ? 'q-item' : 'q-group'}
      aria-describedby={describedBy(fieldPathId, hint ? hintId : undefined, registry)}
      data-item={isItem ? String(options.item) : undefined}
    >
      <legend className={isItem ? 'q-item-label' : 'q-group-label'}>{title}</legend>
      {hint && (
        <Text id={hintId} className="q-hint" size="sm" c="gray.7">
          {hint}
        </Text>
      )}
      <div className="q-fields">{content}</div>
    </fieldset>
  );
}

/** A list of rows (citations, a year table, amounts): a fieldset with its label and "Add a row". */
function ArrayFieldTemplate({
  canAdd,
  disabled,
  fieldPathId,
  items,
  onAddClick,
  readonly,
  uiSchema,
  registry,
}: ArrayFieldTemplateProps<Answers, S>) {
  const t = useFormT();
  const title = String(getUiOptions<Answers, S>(uiSchema).title ?? '');
  return (
    <fieldset
      id={fieldPathId.$id}
      className="q-group q-list"
      aria-describedby={describedBy(fieldPathId, undefined, registry)}
    >
      <legend className="q-group-label">{title}</legend>
      {items.length === 0 && (
        <Text size="sm" c="gray.7">
          {t('noRows')}
        </Text>
      )}
      {items}
      {canAdd && !readonly && (
        <Button variant="default" size="sm" onClick={onAddClick} disabled={disabled} className="q-no-print">
          {t('addRow')}
          <VisuallyHidden>{` (${title})`}</VisuallyHidden>
        </Button>
      )}
    </fieldset>
  );
}

/** One row: a group named "Row n", with its own remove button that says which row it removes (rows keep their order). */
function ArrayFieldItemTemplate({
  children,
  buttonsProps,
  hasToolbar,
  index,
}: ArrayFieldItemTemplateProps<Answers, S>) {
  const t = useFormT();
  const number = String(index + 1);
  const { hasRemove, disabled, readonly } = buttonsProps;
  const off = disabled || readonly;
  return (
    <div role="group" aria-label={t('row', { number })} className="q-row">
      {children}
      {hasToolbar && (
        <Group gap="xs" className="q-no-print">
          {hasRemove && (
            <Button variant="default" size="xs" disabled={off} onClick={buttonsProps.onRemoveItem}>
              {t('removeRow', { number })}
            </Button>
          )}
        </Group>
      )}
    </div>
  );
}

/**
 * Errors under a group (an item, a table), when a save reports them (in the person's language).
 * An input's own errors are its widget's: shown under it and tied to it (aria-describedby).
 */
function FieldErrorTemplate({ errors, schema, uiSchema, fieldPathId }: FieldErrorProps<Answers, S>) {
  if (!errors || errors.length === 0) return null;
  const group = (schema.type === 'object' || schema.type === 'array') && !uiSchema?.['ui:widget'];
  if (!group) return null;
  return (
    <Text c="red.9" size="sm" role="alert" id={errorIdOf(fieldPathId.$id)}>
      {errors.map((error, i) => (typeof error === 'string' ? <span key={i}>{error} </span> : error))}
    </Text>
  );
}

/** Anything the schema holds that the form cannot show: said in the person's language. */
function UnsupportedFieldTemplate() {
  const t = useFormT();
  return <Text c="red.9">{t('cannotShow')}</Text>;
}

const Nothing = () => null;

export const templates: Partial<Omit<TemplatesType<Answers, S>, 'ButtonTemplates'>> = {
  FieldTemplate,
  ObjectFieldTemplate,
  ArrayFieldTemplate,
  ArrayFieldItemTemplate,
  FieldErrorTemplate,
  UnsupportedFieldTemplate,
  // Titles and descriptions come only through the templates above, from the questionnaire's texts.
  TitleFieldTemplate: Nothing,
  DescriptionFieldTemplate: Nothing,
  ArrayFieldTitleTemplate: Nothing,
  ArrayFieldDescriptionTemplate: Nothing,
  ErrorListTemplate: Nothing,
};
