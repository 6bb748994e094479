import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { ANNOTATION_KEYWORDS } from './annotation-keywords';
import { useFastStringLength } from './string-length-keywords';

/**
 * The Ajv set-up every questionnaire is compiled with (the registry, the tests and the bench
 * baseline share it). `verbose` keeps the failing schema on each error, which is how an `anyOf`
 * finds its plain-language explanation; it costs nothing on documents that pass.
 */
export const QUESTIONNAIRE_AJV_OPTIONS = { strict: true, allErrors: true, verbose: true } as const;

/** A fresh instance per compiled schema: versions share `$id`s, which one instance would refuse. */
export function createQuestionnaireAjv(): Ajv2020 {
  const ajv = new Ajv2020({ ...QUESTIONNAIRE_AJV_OPTIONS });
  useFastStringLength(ajv);
  addFormats(ajv);
  for (const keyword of ANNOTATION_KEYWORDS) ajv.addKeyword(keyword);
  return ajv;
}
