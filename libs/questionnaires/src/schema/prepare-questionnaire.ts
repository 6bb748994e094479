import { DomainError } from '@mesecvi/errors';
import { bundleSchema, type DefFiles } from './bundle-schema';
import { contentHash } from './canonical-json';
import { createQuestionnaireAjv } from './create-ajv';
import type { SchemaObject } from './json-schema';
import { questionnaireProblems, type SchemaProblem } from './questionnaire-conventions';
import { CompiledQuestionnaire } from '../validation/compiled-questionnaire';
import { TEXTS_SCHEMA, type QuestionnaireI18n } from '../i18n/questionnaire-texts';

export interface QuestionnaireSource {
  key: string;
  schema: SchemaObject;
  i18n: QuestionnaireI18n;
}

/** A questionnaire ready to register: bundled, checked, compiled (strict), and hashed. */
export interface PreparedQuestionnaire {
  key: string;
  schema: SchemaObject;
  i18n: QuestionnaireI18n;
  contentHash: string;
  compiled: CompiledQuestionnaire;
}

const KEY = /^[a-z][a-z0-9-]{1,99}$/;
const textsValidator = createQuestionnaireAjv().compile(TEXTS_SCHEMA);

/**
 * Bundles the shared definitions in, checks the conventions, the texts and Ajv's strict mode,
 * and hashes the result. Any problem refuses the whole questionnaire with every problem listed.
 */
export function prepareQuestionnaire(source: QuestionnaireSource, defFiles: DefFiles): PreparedQuestionnaire {
  const fail = (problems: SchemaProblem[]): never => {
    throw new DomainError(
      'validation_failed',
      `Questionnaire ${source.key} is not valid: ${problems.map((p) => `${p.pointer} ${p.message}`).join('; ')}`,
      {
        errors: problems,
      },
    );
  };
  if (!KEY.test(source.key))
    fail([{ pointer: '/', message: `key ${source.key} must be lower-case words joined by hyphens` }]);
  let schema: SchemaObject;
  try {
    schema = bundleSchema(source.schema, defFiles);
  } catch (e) {
    return fail([{ pointer: '/', message: e instanceof Error ? e.message : String(e) }]);
  }
  const problems: SchemaProblem[] = [];
  for (const [language, texts] of Object.entries(source.i18n)) {
    if (!textsValidator(texts))
      problems.push({
        pointer: '/',
        message: `${language} texts: ${textsValidator.errors?.map((e) => `${e.instancePath} ${e.message}`).join(', ')}`,
      });
  }
  if (!source.i18n.en) problems.push({ pointer: '/', message: 'English texts are required' });
  if (problems.length > 0) fail(problems);
  problems.push(...questionnaireProblems(schema, source.i18n));
  const compiled = new CompiledQuestionnaire(schema, source.i18n);
  try {
    compiled.validator('strict');
  } catch (e) {
    problems.push({ pointer: '/', message: `Ajv strict mode: ${e instanceof Error ? e.message : String(e)}` });
  }
  if (problems.length > 0) fail(problems);
  return {
    key: source.key,
    schema,
    i18n: source.i18n,
    contentHash: contentHash({ schema, i18n: source.i18n }),
    compiled,
  };
}
