import { isSchemaObject, type SchemaObject } from './json-schema';
import { forEachSchema } from './schema-walk';
import { unsafePatternReason } from './safe-patterns';
import type { QuestionnaireI18n } from '../i18n/questionnaire-texts';

/** A problem found in a questionnaire schema or its texts; `pointer` points into the schema. */
export interface SchemaProblem {
  pointer: string;
  message: string;
}

export const ITEM_ID = /^[A-Z]{3}-\d{2}$/;
const ISO_CODE = /^[A-Z]{3}$/;

/**
 * The subset of JSON Schema that questionnaires may use: what both Ajv and json-schema-to-typescript handle. `oneOf` is left out on
 * purpose: the lenient (draft) variant drops `required`, which could make two branches match.
 */
const ALLOWED_KEYWORDS = new Set([
  '$schema',
  '$id',
  '$ref',
  '$defs',
  '$comment',
  'title',
  'description',
  'default',
  'examples',
  'type',
  'properties',
  'additionalProperties',
  'required',
  'items',
  'enum',
  'const',
  'anyOf',
  'allOf',
  'format',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'minLength',
  'maxLength',
  'pattern',
  'minItems',
  'maxItems',
  'uniqueItems',
  'minProperties',
  'maxProperties',
  'dependentRequired',
  'x-theme',
  'x-articles',
  'x-indicator',
  'x-explain',
]);

/** The conventions a questionnaire must follow beyond being a valid schema (Ajv checks that). */
export function questionnaireProblems(schema: SchemaObject, i18n: QuestionnaireI18n): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  const problem = (pointer: string, message: string): void => {
    problems.push({ pointer: pointer || '/', message });
  };
  if (schema.type !== 'object' || schema.additionalProperties !== false)
    problem('', 'the root must be an object with additionalProperties: false');
  const items = isSchemaObject(schema.properties) ? schema.properties : {};
  if (Object.keys(items).length === 0) problem('/properties', 'a questionnaire needs at least one item');
  for (const [id, item] of Object.entries(items)) {
    const at = `/properties/${id}`;
    if (!ITEM_ID.test(id)) problem(at, `item id ${id} must look like LEG-01`);
    if (!isSchemaObject(item) || typeof item['x-theme'] !== 'string' || !Array.isArray(item['x-articles'])) {
      problem(at, `item ${id} needs x-theme and x-articles`);
    }
  }

  const fieldNames = new Set<string>();
  const optionValues = new Set<string>();
  forEachSchema(schema, (node, path) => {
    for (const keyword of Object.keys(node)) {
      if (!ALLOWED_KEYWORDS.has(keyword)) problem(path, `keyword ${keyword} is outside the schema subset`);
    }
    if (typeof node.pattern === 'string') {
      const reason = unsafePatternReason(node.pattern);
      if (reason) problem(`${path}/pattern`, `unsafe pattern ${node.pattern}: ${reason}`);
    }
    if (node.anyOf !== undefined && node['x-explain'] === undefined)
      problem(`${path}/anyOf`, 'an anyOf needs x-explain, so its failure reads as a plain sentence');
    if (path !== '' && isSchemaObject(node.properties))
      for (const name of Object.keys(node.properties)) fieldNames.add(name);
    if (Array.isArray(node.enum))
      for (const v of node.enum) if (typeof v === 'string' && !ISO_CODE.test(v)) optionValues.add(v);
  });

  const en = i18n.en;
  for (const [id, item] of Object.entries(items)) {
    const text = en.items[id];
    if (!text?.label || !text.help) problem(`/properties/${id}`, `English label and help are missing for ${id}`);
    const theme = isSchemaObject(item) ? item['x-theme'] : undefined;
    if (typeof theme === 'string' && !en.themes[theme])
      problem(`/properties/${id}/x-theme`, `English name of theme ${theme} is missing`);
  }
  for (const name of fieldNames) if (!en.fields[name]) problem('', `English label of field ${name} is missing`);
  for (const value of optionValues) if (!en.options[value]) problem('', `English label of option ${value} is missing`);
  for (const [language, texts] of Object.entries(i18n)) {
    for (const id of Object.keys(texts?.items ?? {})) {
      if (!(id in items)) problem('', `${language} translates item ${id}, which the questionnaire does not have`);
    }
  }
  return problems;
}
