// The questionnaire files, imported so that the api and worker bundles (webpack) carry the
// schemas they were built with: nothing to copy into the image, no path to get wrong at run
// time. A test checks that every file of schemas/defs and schemas/questionnaires is listed here.
import type { SchemaObject } from '../schema/json-schema';
import type { DefFiles } from '../schema/bundle-schema';
import type { QuestionnaireI18n } from '../i18n/questionnaire-texts';
import type { CarryOverMapping } from './carry-over-mapping';
import boundedText from '../../../../schemas/defs/bounded-text.schema.json';
import currency from '../../../../schemas/defs/currency.schema.json';
import evidence from '../../../../schemas/defs/evidence.schema.json';
import federalUnitBreakdown from '../../../../schemas/defs/federal-unit-breakdown.schema.json';
import legalCitation from '../../../../schemas/defs/legal-citation.schema.json';
import money from '../../../../schemas/defs/money.schema.json';
import percentage from '../../../../schemas/defs/percentage.schema.json';
import shortText from '../../../../schemas/defs/short-text.schema.json';
import statisticSeries from '../../../../schemas/defs/statistic-series.schema.json';
import webAddress from '../../../../schemas/defs/web-address.schema.json';
import yearTable from '../../../../schemas/defs/year-table.schema.json';
import year from '../../../../schemas/defs/year.schema.json';
import yesNoWithCitation from '../../../../schemas/defs/yes-no-with-citation.schema.json';
import evaluationRound from '../../../../schemas/questionnaires/evaluation-round.schema.json';
import evaluationRoundEn from '../../../../schemas/questionnaires/evaluation-round.i18n/en.json';
import evaluationRoundEs from '../../../../schemas/questionnaires/evaluation-round.i18n/es.json';
import evaluationRoundFr from '../../../../schemas/questionnaires/evaluation-round.i18n/fr.json';
import evaluationRoundPt from '../../../../schemas/questionnaires/evaluation-round.i18n/pt.json';
import evaluationRoundCarryOver from '../../../../schemas/questionnaires/evaluation-round.carry-over.json';

/** A questionnaire as written in schemas/questionnaires, before bundling. */
export interface QuestionnaireFile {
  /** The file name without `.schema.json`; also the registry key. */
  key: string;
  schema: SchemaObject;
  i18n: QuestionnaireI18n;
  /** `<key>.carry-over.json` beside the schema: renamed items since earlier versions (checked when registered). */
  carryOver?: CarryOverMapping;
}

/** schemas/defs, by file name. */
export const DEF_FILES: DefFiles = {
  'bounded-text.schema.json': boundedText,
  'currency.schema.json': currency,
  'evidence.schema.json': evidence,
  'federal-unit-breakdown.schema.json': federalUnitBreakdown,
  'legal-citation.schema.json': legalCitation,
  'money.schema.json': money,
  'percentage.schema.json': percentage,
  'short-text.schema.json': shortText,
  'statistic-series.schema.json': statisticSeries,
  'web-address.schema.json': webAddress,
  'year-table.schema.json': yearTable,
  'year.schema.json': year,
  'yes-no-with-citation.schema.json': yesNoWithCitation,
};

export const QUESTIONNAIRE_FILES: readonly QuestionnaireFile[] = [
  {
    key: 'evaluation-round',
    schema: evaluationRound,
    i18n: { en: evaluationRoundEn, es: evaluationRoundEs, fr: evaluationRoundFr, pt: evaluationRoundPt },
    carryOver: evaluationRoundCarryOver,
  },
];
