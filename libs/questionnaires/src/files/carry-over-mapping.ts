// How answers of an earlier version of a questionnaire carry over to this one when items were
// renamed: declared in schemas/questionnaires/<key>.carry-over.json, beside the schema.
import { DomainError } from '@mesecvi/errors';
import { createQuestionnaireAjv } from '../schema/create-ajv';
import type { SchemaObject } from '../schema/json-schema';
import { ITEM_ID } from '../schema/questionnaire-conventions';

/**
 * `fromVersions[N][oldId] = newId`: an answer given to item `oldId` in version N of this
 * questionnaire fills item `newId` of the version a new round uses. Items not listed carry over
 * only when their ids match.
 */
export interface CarryOverMapping {
  fromVersions: Record<string, Record<string, string>>;
}

/** Item ids as the questionnaire conventions write them (LEG-01). */
const ITEM_ID_PATTERN = ITEM_ID.source;

export const CARRY_OVER_MAPPING_SCHEMA: SchemaObject = {
  type: 'object',
  additionalProperties: false,
  required: ['fromVersions'],
  properties: {
    $comment: { type: 'string' },
    fromVersions: {
      type: 'object',
      propertyNames: { pattern: '^[1-9][0-9]{0,5}$' },
      additionalProperties: {
        type: 'object',
        propertyNames: { pattern: ITEM_ID_PATTERN },
        additionalProperties: { type: 'string', pattern: ITEM_ID_PATTERN },
      },
    },
  },
};

const validateMapping = createQuestionnaireAjv().compile(CARRY_OVER_MAPPING_SCHEMA);

/**
 * Checks a mapping's form, and that every item it maps to exists in `schema` (the questionnaire
 * as it is now) and is named once per source version: a mapping that points nowhere is refused.
 */
export function checkCarryOverMapping(key: string, mapping: unknown, schema: SchemaObject): CarryOverMapping {
  const fail = (message: string): never => {
    throw new DomainError(
      'validation_failed',
      `The carry-over mapping of questionnaire ${key} is not valid: ${message}`,
    );
  };
  if (!validateMapping(mapping))
    fail((validateMapping.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`).join('; '));
  const checked = mapping as CarryOverMapping;
  const items = new Set(Object.keys((schema.properties as Record<string, unknown> | undefined) ?? {}));
  for (const [version, map] of Object.entries(checked.fromVersions)) {
    const targets = Object.values(map);
    for (const target of targets)
      if (!items.has(target)) fail(`/fromVersions/${version} maps to ${target}, which the questionnaire does not have`);
    if (new Set(targets).size !== targets.length) fail(`/fromVersions/${version} maps two items to the same one`);
  }
  return checked;
}

/** The new item id of each answer of `fromVersion` (ids the mapping does not list keep their id). */
export function carryOverTargets(
  mapping: CarryOverMapping | null,
  fromVersion: number,
  itemIds: readonly string[],
): Map<string, string> {
  const renamed = mapping?.fromVersions[String(fromVersion)] ?? {};
  return new Map(itemIds.map((id) => [id, Object.prototype.hasOwnProperty.call(renamed, id) ? renamed[id] : id]));
}
