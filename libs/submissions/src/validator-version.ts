import { version as ajvVersion } from 'ajv/package.json';

/**
 * What validated a submission: the Ajv release and our rule set (lenient keywords, messages,
 * attachment checks). Bump the rules number when those change meaning.
 */
export const VALIDATOR_VERSION = `ajv-${ajvVersion}+mesecvi-rules-1`;
