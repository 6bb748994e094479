import type { RJSFSchema } from '@rjsf/utils';

/** A questionnaire item as the api lists it (its order and theme). */
export interface QuestionnaireItemRef {
  id: string;
  theme: string;
}

/**
 * Keywords the form leaves out: `title` and `description` are English names of the schema, never
 * shown; `anyOf`/`oneOf` here only state rules ("a yes cites a law") that the server checks, and the
 * form library would otherwise offer them as a choice of "Option 1 / Option 2".
 */
const LEFT_OUT = new Set(['title', 'description', 'anyOf', 'oneOf', '$schema', '$id']);

function strip(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(strip);
  if (node === null || typeof node !== 'object') return node;
  const entries = Object.entries(node as Record<string, unknown>);
  return Object.fromEntries(
    entries
      .filter(([key]) => !LEFT_OUT.has(key))
      .map(([key, value]) => [
        key,
        key === 'enum' || key === 'const' ? value : key === 'properties' ? stripEach(value) : strip(value),
      ]),
  );
}

/** A `properties` map: its keys are the answers' field names (a field may be called `description` or `title`). */
function stripEach(properties: unknown): unknown {
  if (properties === null || typeof properties !== 'object' || Array.isArray(properties)) return strip(properties);
  return Object.fromEntries(
    Object.entries(properties as Record<string, unknown>).map(([key, value]) => [key, strip(value)]),
  );
}

/** The ids of the items of one theme, in the questionnaire's order. */
export function sectionItemIds(items: readonly QuestionnaireItemRef[], theme: string): string[] {
  return items.filter((item) => item.theme === theme).map((item) => item.id);
}

/** The themes in the order their first item appears. */
export function themesInOrder(items: readonly QuestionnaireItemRef[]): string[] {
  return [...new Set(items.map((item) => item.theme))];
}

/**
 * The schema one section's form renders: the items of `theme`, with the definitions they use.
 * The server validates every answer against the whole frozen schema; this one only shapes the form.
 */
export function sectionSchema(schema: RJSFSchema, items: readonly QuestionnaireItemRef[], theme: string): RJSFSchema {
  const ids = sectionItemIds(items, theme);
  const properties = (schema.properties ?? {}) as Record<string, unknown>;
  const required = Array.isArray(schema.required) ? schema.required.filter((id) => ids.includes(id)) : [];
  const section: Record<string, unknown> = {
    type: 'object',
    properties: Object.fromEntries(ids.filter((id) => id in properties).map((id) => [id, properties[id]])),
    required,
    ...(schema.$defs ? { $defs: schema.$defs } : {}),
  };
  return strip(section) as RJSFSchema;
}
