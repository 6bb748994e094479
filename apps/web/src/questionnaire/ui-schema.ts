import type { RJSFSchema, UiSchema } from '@rjsf/utils';

/** The questionnaire's texts in one language, as the api serves them. */
export interface QuestionnaireTexts {
  themes: Record<string, string>;
  fields: Record<string, string>;
  options: Record<string, string>;
  items: Record<string, { label: string; help?: string }>;
}

type Node = Record<string, unknown>;

const isNode = (value: unknown): value is Node => value !== null && typeof value === 'object' && !Array.isArray(value);

/** Shared definitions with a widget or a layout of their own, by `$defs` name. */
const DEF_UI: Record<string, UiSchema> = {
  percentage: { 'ui:widget': 'percentage' },
  'web-address': { 'ui:widget': 'webAddress' },
  'bounded-text': { 'ui:widget': 'boundedText' },
  'short-text': { 'ui:widget': 'shortText' },
  year: { 'ui:widget': 'year' },
  currency: { 'ui:widget': 'currency' },
  evidence: { 'ui:field': 'evidence' },
};

/** The shared definition a node refers to (`#/$defs/<name>`), if any. */
function defName(node: Node): string | undefined {
  const ref = node.$ref;
  return typeof ref === 'string' && ref.startsWith('#/$defs/') ? ref.slice('#/$defs/'.length) : undefined;
}

/**
 * Builds the form's uiSchema from the schema and the texts: every label, hint and option label
 * comes from the questionnaire's texts in the person's language, and each shared definition gets
 * its widget. Nothing of the schema's own wording (titles, keys) is left for the library to show.
 */
export function buildUiSchema(schema: RJSFSchema, itemIds: readonly string[], texts: QuestionnaireTexts): UiSchema {
  const defs = isNode(schema.$defs) ? schema.$defs : {};
  const resolve = (node: Node): { node: Node; def?: string } => {
    const def = defName(node);
    const target = def ? defs[def] : undefined;
    return isNode(target) ? { node: { ...target, ...node }, def } : { node };
  };

  const fieldUi = (raw: Node, title: string | undefined, path: string): UiSchema => {
    const { node, def } = resolve(raw);
    const ui: UiSchema = {
      ...(def ? DEF_UI[def] : {}),
      'ui:classNames': `q-${def ?? (typeof node.type === 'string' ? node.type : 'any')}`,
    };
    if (title !== undefined) ui['ui:title'] = title;
    if (def === 'evidence') return ui;
    if (Array.isArray(node.enum)) {
      ui['ui:enumNames'] = node.enum.map((value) => texts.options[String(value)] ?? String(value));
      if (!ui['ui:widget']) ui['ui:widget'] = node.enum.length <= 4 ? 'radio' : 'select';
    }
    if (isNode(node.properties)) {
      for (const [key, child] of Object.entries(node.properties)) {
        if (isNode(child)) ui[key] = fieldUi(child, texts.fields[key] ?? key, `${path}/${key}`);
      }
    }
    if (isNode(node.items)) {
      const items = resolve(node.items).node;
      if (Array.isArray(items.enum) && node.uniqueItems === true) {
        ui['ui:widget'] = 'checkboxes';
        ui.items = { 'ui:enumNames': items.enum.map((value) => texts.options[String(value)] ?? String(value)) };
        ui['ui:enumNames'] = ui.items['ui:enumNames'];
      } else {
        // A row of a table has no title of its own: its group is named "Row n" by the template.
        ui.items = fieldUi(node.items, isNode(items.properties) ? undefined : title, `${path}/items`);
        ui['ui:options'] = { orderable: false };
      }
    }
    return ui;
  };

  const properties = isNode(schema.properties) ? schema.properties : {};
  const ui: UiSchema = {
    'ui:submitButtonOptions': { norender: true },
    'ui:order': [...itemIds],
    'ui:classNames': 'q-section',
  };
  for (const id of itemIds) {
    const property = properties[id];
    if (!isNode(property)) continue;
    const text = texts.items[id];
    const itemUi = fieldUi(property, text?.label ?? id, `/${id}`);
    if (text?.help) itemUi['ui:description'] = text.help;
    itemUi['ui:options'] = { ...(itemUi['ui:options'] as object | undefined), item: id };
    ui[id] = itemUi;
  }
  return ui;
}
