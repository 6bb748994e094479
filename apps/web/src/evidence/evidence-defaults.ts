import type { Experimental_DefaultFormStateBehavior, RJSFSchema } from '@rjsf/utils';

/** A list of file ids (the shared evidence definition): an array of uuid strings. */
function isEvidenceList(schema: RJSFSchema): boolean {
  const items = schema.items;
  return schema.type === 'array' && typeof items === 'object' && !Array.isArray(items) && items.format === 'uuid';
}

/**
 * The form fills a list up to its minItems with empty entries (a table starts with one row); an
 * evidence list filled so would hold `null` where a file id belongs, which the api refuses. It
 * starts empty instead, and gets ids only by citing files.
 */
export const evidenceDefaults: Experimental_DefaultFormStateBehavior = {
  arrayMinItems: { computeSkipPopulate: (_validator, schema) => isEvidenceList(schema) },
};
