export { QuestionnairesModule } from './questionnaires.module';
export { QuestionnaireRegistry, type GeneratedQuestionnaireInput } from './questionnaire-registry.service';
export {
  QuestionnaireVersion,
  QUESTIONNAIRE_SOURCES,
  type QuestionnaireSourceKind,
} from './questionnaire-version.entity';
export {
  toQuestionnaireVersionView,
  type QuestionnaireVersionView,
  type QuestionnaireDocumentView,
} from './questionnaire-version.view';
export { QuestionnaireVersionViewSchema, QuestionnaireDocumentViewSchema } from './questionnaire.schemas';
export {
  CompiledQuestionnaire,
  VALIDATION_MODES,
  type ValidationMode,
  type ValidationResult,
} from './validation/compiled-questionnaire';
export type { ValidationIssue } from './validation/validation-issues';
export { toFieldProblems, answersInvalid } from './validation/validation-problem';
export {
  prepareQuestionnaire,
  type PreparedQuestionnaire,
  type QuestionnaireSource,
} from './schema/prepare-questionnaire';
export { bundleSchema, type DefFiles } from './schema/bundle-schema';
export { lenientSchema, LENIENT_DROPPED_KEYWORDS } from './schema/lenient-schema';
export { canonicalJson, contentHash } from './schema/canonical-json';
export { createQuestionnaireAjv, QUESTIONNAIRE_AJV_OPTIONS } from './schema/create-ajv';
export { unsafePatternReason } from './schema/safe-patterns';
export { forEachSchema, transformSchema } from './schema/schema-walk';
export { questionnaireItems, type QuestionnaireItem } from './schema/questionnaire-items';
export {
  CONVENTION_ARTICLES,
  INDICATOR_KINDS,
  THEMES,
  type ConventionArticle,
  type IndicatorKind,
  type Theme,
} from './schema/annotation-keywords';
export type { SchemaObject } from './schema/json-schema';
export {
  textsFor,
  missingTranslations,
  type QuestionnaireI18n,
  type QuestionnaireTexts,
  type ItemText,
  type MissingTranslation,
} from './i18n/questionnaire-texts';
export { DEF_FILES, QUESTIONNAIRE_FILES, type QuestionnaireFile } from './files/questionnaire-files';
export {
  CARRY_OVER_MAPPING_SCHEMA,
  carryOverTargets,
  checkCarryOverMapping,
  type CarryOverMapping,
} from './files/carry-over-mapping';
export { escapePointerSegment, unescapePointerSegment } from './json-pointer';
