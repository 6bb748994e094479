import { THEMES, type ConventionArticle, type IndicatorKind, type Theme } from './annotation-keywords';
import { isSchemaObject, type SchemaObject } from './json-schema';

export interface QuestionnaireItem {
  id: string;
  theme: Theme;
  articles: ConventionArticle[];
  indicator: IndicatorKind | null;
  /** Must be answered for the final submission. */
  required: boolean;
}

/**
 * The items in questionnaire order: by theme (in the order of THEMES), then by id. Derived from the
 * annotations rather than from key order, because PostgreSQL's jsonb does not keep key order.
 */
export function questionnaireItems(schema: SchemaObject): QuestionnaireItem[] {
  const properties = isSchemaObject(schema.properties) ? schema.properties : {};
  const required = new Set(Array.isArray(schema.required) ? schema.required : []);
  return Object.entries(properties)
    .filter((entry): entry is [string, SchemaObject] => isSchemaObject(entry[1]))
    .map(([id, item]) => ({
      id,
      theme: item['x-theme'] as Theme,
      articles: (item['x-articles'] as ConventionArticle[] | undefined) ?? [],
      indicator: (item['x-indicator'] as IndicatorKind | undefined) ?? null,
      required: required.has(id),
    }))
    .sort((a, b) => THEMES.indexOf(a.theme) - THEMES.indexOf(b.theme) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
