import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

/**
 * The contract check: a response is compared with what the OpenAPI document says its operation
 * answers for that status and content type. Every object schema counts as closed (a property the
 * document does not name is a mismatch), and a response the document gives no real schema is
 * undescribed, which is a mismatch too.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

export interface Operation {
  /** `GET /api/things/{id}`: method and path template, as the pending list names it. */
  key: string;
  method: string;
  template: string;
  pattern: RegExp;
  /** Literal segments, so `/things/mine` wins over `/things/{id}`. */
  literals: number;
}

export type Verdict = { conforms: true } | { conforms: false; error: string };

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const SCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
const SCHEMA_VALUES = ['items', 'not', 'additionalProperties', 'contains', 'if', 'then', 'else'];
const SCHEMA_MAPS = ['properties', 'patternProperties', '$defs'];
/** Keywords that describe nothing about a value's shape. */
const ANNOTATIONS = new Set(['description', 'title', 'example', 'examples', 'deprecated', 'readOnly', 'writeOnly']);

const isObject = (node: unknown): node is JsonObject =>
  typeof node === 'object' && node !== null && !Array.isArray(node);

export const isJsonMediaType = (contentType: string): boolean => /^application\/([\w.-]+\+)?json\b/.test(contentType);

/** Escapes a key for a JSON Pointer (RFC 6901) and a URI fragment. */
const pointerKey = (key: string): string => encodeURIComponent(key.replaceAll('~', '~0').replaceAll('/', '~1'));

/** Copies a schema, closing every object schema that says nothing about extra properties. */
function closed(schema: Json, insideComposition = false): Json {
  if (Array.isArray(schema)) return schema.map((s) => closed(s));
  if (!isObject(schema)) return schema;
  const out: JsonObject = { ...schema };
  for (const key of SCHEMA_LISTS) {
    const list = out[key];
    if (Array.isArray(list)) out[key] = list.map((s) => closed(s, key !== 'prefixItems'));
  }
  for (const key of SCHEMA_VALUES) if (isObject(out[key])) out[key] = closed(out[key]);
  for (const key of SCHEMA_MAPS) {
    const map = out[key];
    if (isObject(map)) out[key] = Object.fromEntries(Object.entries(map).map(([k, s]) => [k, closed(s)]));
  }
  const isObjectSchema = out.type === 'object' || isObject(out.properties);
  const open = 'additionalProperties' in out || 'unevaluatedProperties' in out || 'patternProperties' in out;
  const composed = SCHEMA_LISTS.some((k) => k !== 'prefixItems' && k in out);
  // A member of allOf/anyOf/oneOf cannot see its siblings' properties: the composing schema closes them all.
  if (!open && !insideComposition && (isObjectSchema || composed)) out.unevaluatedProperties = false;
  return out;
}

export class OpenApiContract {
  readonly operations: Operation[];
  /** The document with every object schema closed. */
  private readonly document: JsonObject;
  /** Its components as written, to tell an undescribed schema from a described one. */
  private readonly writtenSchemas: JsonObject;
  private readonly ajv: Ajv2020;
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(document: unknown) {
    if (!isObject(document) || !isObject(document.paths)) throw new Error('not an OpenAPI document');
    const components = isObject(document.components) ? document.components : {};
    const schemas = isObject(components.schemas) ? components.schemas : {};
    this.writtenSchemas = schemas;
    this.document = {
      ...document,
      components: {
        ...components,
        schemas: Object.fromEntries(Object.entries(schemas).map(([name, s]) => [name, closed(s)])),
      },
    };
    this.operations = Object.entries(document.paths).flatMap(([template, item]) =>
      METHODS.filter((m) => isObject(item) && isObject(item[m])).map((m) => operationOf(m, template)),
    );
    this.ajv = new Ajv2020({ strict: false, allErrors: false, logger: false });
    addFormats(this.ajv);
  }

  /** The operation serving a request, or undefined when the document has none. */
  operationFor(method: string, path: string): Operation | undefined {
    const m = method.toLowerCase();
    return this.operations
      .filter((op) => op.method === m && op.pattern.test(path))
      .sort((a, b) => b.literals - a.literals)[0];
  }

  /** Whether the document gives every response of the operation a real schema (no response at all counts as not). */
  isDescribed(op: Operation): boolean {
    const responses = this.responsesOf(op);
    const entries = Object.values(responses);
    return (
      entries.length > 0 &&
      entries.every((response) => {
        const content = isObject(response) && isObject(response.content) ? response.content : {};
        return Object.entries(content).every(
          ([type, media]) => !isJsonMediaType(type) || !this.undescribed(isObject(media) ? media.schema : undefined),
        );
      })
    );
  }

  /** Checks one response; `body` is undefined when it has none. */
  check(op: Operation, status: number, contentType: string, body: Json | undefined): Verdict {
    const responses = this.responsesOf(op);
    const statusKey = [String(status), `${String(status)[0]}XX`, 'default'].find((k) => k in responses);
    if (statusKey === undefined) return { conforms: false, error: `status ${status} is not documented` };
    const response = responses[statusKey];
    const content = isObject(response) && isObject(response.content) ? response.content : {};
    if (body === undefined) {
      return Object.keys(content).length === 0
        ? { conforms: true }
        : { conforms: false, error: `status ${status} has no body but the document describes one` };
    }
    const type = contentType.split(';')[0].trim().toLowerCase();
    const media = content[type];
    if (!isObject(media)) return { conforms: false, error: `status ${status} does not document ${type}` };
    if (this.undescribed(media.schema)) return { conforms: false, error: `status ${status} ${type} is undescribed` };
    const pointer = `#/paths/${pointerKey(op.template)}/${op.method}/responses/${statusKey}/content/${pointerKey(type)}/schema`;
    const validate = this.validatorFor(pointer, closed(media.schema ?? null));
    if (validate(body)) return { conforms: true };
    const first = validate.errors?.[0];
    return {
      conforms: false,
      error: `status ${status} ${type}: body${first?.instancePath ?? ''} ${first?.message ?? 'is invalid'} (schema ${pointer}, rule ${first?.schemaPath ?? '?'})`,
    };
  }

  private responsesOf(op: Operation): JsonObject {
    const item = (this.document.paths as JsonObject)[op.template] as JsonObject;
    const operation = item[op.method] as JsonObject;
    return isObject(operation.responses) ? operation.responses : {};
  }

  /** No schema, `{}`, only annotations, or a bare `{type: 'object'}`, through any `$ref`. */
  private undescribed(schema: Json | undefined): boolean {
    const resolved = this.resolve(schema);
    if (!isObject(resolved)) return true;
    const shape = Object.keys(resolved).filter((k) => !ANNOTATIONS.has(k));
    return shape.length === 0 || (shape.length === 1 && resolved.type === 'object');
  }

  private resolve(schema: Json | undefined, depth = 0): Json | undefined {
    if (!isObject(schema) || typeof schema.$ref !== 'string' || depth > 20) return schema;
    const prefix = '#/components/schemas/';
    if (!schema.$ref.startsWith(prefix)) return schema;
    return this.resolve(this.writtenSchemas[decodeURIComponent(schema.$ref.slice(prefix.length))], depth + 1);
  }

  /** The response schema, validated inside the document so its `$ref`s reach the components. */
  private validatorFor(pointer: string, schema: Json): ValidateFunction {
    let validate = this.validators.get(pointer);
    if (!validate) {
      validate = this.ajv.compile({ ...(schema as JsonObject), components: this.document.components });
      this.validators.set(pointer, validate);
    }
    return validate;
  }
}

function operationOf(method: string, template: string): Operation {
  const segments = template.split('/');
  const source = segments
    .map((s) => (/^\{[^}]+\}$/.test(s) ? '[^/]+' : s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return {
    key: `${method.toUpperCase()} ${template}`,
    method,
    template,
    pattern: new RegExp(`^${source}/?$`),
    literals: segments.filter((s) => s !== '' && !s.startsWith('{')).length,
  };
}
