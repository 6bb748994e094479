import type { Language } from '@mesecvi/http';
import type { QuestionnaireVersion, QuestionnaireSourceKind } from './questionnaire-version.entity';
import type { SchemaObject } from './schema/json-schema';
import type { QuestionnaireItem } from './schema/questionnaire-items';
import type { QuestionnaireTexts } from './i18n/questionnaire-texts';

/** A version without its content (what lists and other libraries need). */
export interface QuestionnaireVersionView {
  id: string;
  key: string;
  version: number;
  contentHash: string;
  source: QuestionnaireSourceKind;
  stateCode: string | null;
  frozenAt: string | null;
  createdAt: string;
}

/** A version with its schema, its items in order and its texts in one language (English filling gaps). */
export interface QuestionnaireDocumentView extends QuestionnaireVersionView {
  language: Language;
  items: QuestionnaireItem[];
  texts: QuestionnaireTexts;
  schema: SchemaObject;
}

export function toQuestionnaireVersionView(
  row: Pick<
    QuestionnaireVersion,
    'id' | 'key' | 'version' | 'contentHash' | 'source' | 'stateCode' | 'frozenAt' | 'createdAt'
  >,
): QuestionnaireVersionView {
  return {
    id: row.id,
    key: row.key,
    version: row.version,
    contentHash: row.contentHash,
    source: row.source,
    stateCode: row.stateCode,
    frozenAt: row.frozenAt ? row.frozenAt.toISOString() : null,
    createdAt: row.createdAt.toISOString(),
  };
}
