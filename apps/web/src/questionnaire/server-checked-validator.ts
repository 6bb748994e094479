import type { RJSFSchema, ValidationData, ValidatorType } from '@rjsf/utils';
import type { Answers } from './answers';

/**
 * The form library's validator, without Ajv: Ajv compiles with `new Function`, which the page's
 * Content-Security-Policy forbids. The form shows no choice between schema branches (see
 * `sectionSchema`), so nothing is left for a validator to decide in the page; whether answers are
 * valid is what the server says when they are saved, in the person's language.
 */
export const serverCheckedValidator: ValidatorType<Answers, RJSFSchema> = {
  validateFormData: (): ValidationData<Answers> => ({ errors: [], errorSchema: {} }),
  isValid: () => true,
  rawValidation: () => ({ errors: [] }),
};
