// What the api serves a French-speaking focal point for her evaluation's questionnaire (`GET
// /questionnaires/{key}/versions/{version}?lang=fr`), built from the bundled evaluation
// questionnaire the way the api builds it (schema, items, texts in French), with the evaluation
// it belongs to (`GET /evaluations/{id}`); and the same document cut down to one item: the
// benchmark's two pages differ in nothing else.
import {
  DEF_FILES,
  QUESTIONNAIRE_FILES,
  prepareQuestionnaire,
  questionnaireItems,
  textsFor,
  type QuestionnaireItem,
  type SchemaObject,
} from '@mesecvi/questionnaires';

export const EVALUATION_ID = '5c0e9d7e-9a4e-4a8e-b1d2-6f7a8b9c0d1e';

export interface ServedQuestionnaire {
  key: string;
  version: number;
  evaluation: Record<string, unknown>;
  items: QuestionnaireItem[];
  texts: ReturnType<typeof textsFor>;
  schema: SchemaObject;
  [field: string]: unknown;
}

/** The evaluation questionnaire as served in French, with the evaluation it belongs to. */
export function servedEvaluationQuestionnaire(): ServedQuestionnaire {
  const source = QUESTIONNAIRE_FILES.find((file) => file.key === 'evaluation-round') ?? QUESTIONNAIRE_FILES[0];
  const prepared = prepareQuestionnaire(source, DEF_FILES);
  const now = new Date().toISOString();
  return {
    id: '6f1c1c8e-7d0a-4d57-9a51-1f2f0c3b9a10',
    key: source.key,
    version: 1,
    contentHash: 'bench',
    source: 'file',
    stateCode: null,
    frozenAt: now,
    createdAt: now,
    language: 'fr',
    items: questionnaireItems(prepared.schema),
    texts: textsFor(prepared.i18n, 'fr'),
    schema: prepared.schema,
    evaluation: {
      id: EVALUATION_ID,
      roundId: '7a1c1c8e-7d0a-4d57-9a51-1f2f0c3b9a10',
      roundName: 'Quatrième cycle d’évaluation multilatérale',
      stateCode: 'HTI',
      status: 'drafting',
      questionnaireVersionId: '6f1c1c8e-7d0a-4d57-9a51-1f2f0c3b9a10',
      questionnaire: { key: source.key, version: 1 },
      distributedAt: now,
      responseDeadline: null,
    },
  };
}

/** The theme with the most items (ties: the larger schema), the heaviest form a person meets. */
export function largestSection(doc: ServedQuestionnaire): string {
  const properties = (doc.schema.properties ?? {}) as Record<string, unknown>;
  const weight = (theme: string): [number, number] => {
    const ids = doc.items.filter((item) => item.theme === theme).map((item) => item.id);
    return [ids.length, JSON.stringify(ids.map((id) => properties[id])).length];
  };
  const themes = [...new Set(doc.items.map((item) => item.theme))];
  return themes.reduce((best, theme) => {
    const [n, size] = weight(theme);
    const [bestN, bestSize] = weight(best);
    return n > bestN || (n === bestN && size > bestSize) ? theme : best;
  });
}

/** The same document with one item only (its schema, its texts unchanged): the baseline's questionnaire. */
export function oneItemQuestionnaire(doc: ServedQuestionnaire, itemId: string): ServedQuestionnaire {
  const properties = (doc.schema.properties ?? {}) as Record<string, unknown>;
  const required = Array.isArray(doc.schema.required) ? doc.schema.required : [];
  return {
    ...doc,
    items: doc.items.filter((item) => item.id === itemId),
    schema: {
      ...doc.schema,
      properties: { [itemId]: properties[itemId] },
      required: required.filter((id) => id === itemId),
    },
  };
}
