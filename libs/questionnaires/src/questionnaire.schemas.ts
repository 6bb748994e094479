import { Type } from '@sinclair/typebox';
import { AnyObject, Closed, DateTime, LANGUAGES, Nullable, StringEnum } from '@mesecvi/http';
import { QUESTIONNAIRE_SOURCES } from './questionnaire-version.entity';
import { CONVENTION_ARTICLES, INDICATOR_KINDS, THEMES } from './schema/annotation-keywords';

/**
 * How a questionnaire version leaves the API, as TypeBox schemas for the OpenAPI document and the
 * contract check. The answers a questionnaire admits are its own JSON Schema (`schema`), carried
 * as it is.
 */

const versionFields = {
  id: Type.String({ format: 'uuid' }),
  key: Type.String({ example: 'evaluation-round' }),
  version: Type.Integer({ minimum: 1, example: 1 }),
  contentHash: Type.String({ pattern: '^[0-9a-f]{64}$' }),
  source: StringEnum(QUESTIONNAIRE_SOURCES, { example: 'file' }),
  stateCode: Nullable(Type.String({ example: 'ARG', description: 'Set on a follow-up questionnaire for one state' })),
  frozenAt: Nullable(DateTime({ description: 'Set once a round has distributed it; then it never changes' })),
  createdAt: DateTime(),
};

/** A version without its content. */
export const QuestionnaireVersionViewSchema = Closed(versionFields);

const TextMap = Type.Record(Type.String(), Type.String());

/** A version with its schema, its items in order and its texts in one language (English filling gaps). */
export const QuestionnaireDocumentViewSchema = Closed({
  ...versionFields,
  language: StringEnum(LANGUAGES, { example: 'es' }),
  items: Type.Array(
    Closed({
      id: Type.String({ example: 'LEG-02' }),
      theme: StringEnum(THEMES, { example: 'legislation' }),
      articles: Type.Array(StringEnum(CONVENTION_ARTICLES), { example: ['1', '2', '7.c'] }),
      indicator: Nullable(StringEnum(INDICATOR_KINDS, { example: 'structural' })),
      required: Type.Boolean({ description: 'Must be answered for the final submission' }),
    }),
  ),
  texts: Closed({
    themes: TextMap,
    fields: TextMap,
    options: TextMap,
    items: Type.Record(
      Type.String(),
      Closed({ label: Type.String(), help: Type.Optional(Type.String()) }, { description: 'By item id' }),
    ),
  }),
  schema: AnyObject('The JSON Schema (2020-12) the answers document must satisfy, with its annotations'),
});
