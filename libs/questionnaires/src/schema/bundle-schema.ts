import { isSchemaObject, type SchemaObject } from './json-schema';
import { transformSchema } from './schema-walk';

/** Where relative `$ref`s of a schema without `$id` resolve (run-time generated questionnaires). */
export const GENERATED_BASE_URI = 'https://schemas.mesecvi.org/questionnaires/generated.schema.json';
const DEF_SUFFIX = '.schema.json';

/** The shared definition files (schemas/defs), by file name. */
export type DefFiles = Record<string, SchemaObject>;

/**
 * Makes one self-contained schema: every `$ref` to a shared definition file becomes
 * `#/$defs/<file name>` and the definitions it uses (transitively, and only those) are copied
 * into `$defs`. What is stored and hashed is therefore the whole content a state answers
 * against: a changed definition file changes the hash and makes a new version.
 */
export function bundleSchema(root: SchemaObject, defFiles: DefFiles): SchemaObject {
  const byUri = new Map<string, { key: string; schema: SchemaObject }>();
  for (const [file, schema] of Object.entries(defFiles)) {
    if (typeof schema.$id !== 'string') throw new Error(`schemas/defs/${file} has no $id`);
    if (!file.endsWith(DEF_SUFFIX)) throw new Error(`schemas/defs/${file} must end with ${DEF_SUFFIX}`);
    byUri.set(schema.$id, { key: file.slice(0, -DEF_SUFFIX.length), schema });
  }
  const included = new Map<string, SchemaObject>();
  const pending: Array<{ key: string; schema: SchemaObject }> = [];

  const rewrite = (schema: SchemaObject, base: string, inDef: boolean): SchemaObject =>
    transformSchema(schema, (node) => {
      const ref = node.$ref;
      if (typeof ref !== 'string') return node;
      if (ref.startsWith('#')) {
        if (inDef) throw new Error(`${base}: definition files may only refer to other definition files (found ${ref})`);
        return node;
      }
      const target = byUri.get(new URL(ref, base).href);
      if (!target) throw new Error(`${base}: $ref ${ref} names no file of schemas/defs`);
      if (!included.has(target.key) && !pending.some((p) => p.key === target.key)) pending.push(target);
      return { ...node, $ref: `#/$defs/${target.key}` };
    }) as SchemaObject;

  const base = typeof root.$id === 'string' ? root.$id : GENERATED_BASE_URI;
  const bundled = rewrite(root, base, false);
  while (pending.length > 0) {
    const next = pending.shift() as { key: string; schema: SchemaObject };
    const { $id, $schema: _schema, ...body } = next.schema;
    included.set(next.key, rewrite(body, String($id), true));
  }
  const ownDefs = isSchemaObject(bundled.$defs) ? bundled.$defs : {};
  for (const key of Object.keys(ownDefs)) {
    if (included.has(key)) throw new Error(`${base}: $defs/${key} clashes with schemas/defs/${key}${DEF_SUFFIX}`);
  }
  if (included.size === 0) return bundled;
  const defs = Object.fromEntries([
    ...Object.entries(ownDefs),
    ...[...included.entries()].sort(([a], [b]) => a.localeCompare(b)),
  ]);
  return { ...bundled, $defs: defs };
}
