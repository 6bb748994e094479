import { performance } from 'node:perf_hooks';
import type { ValidateFunction } from 'ajv';
import type { Language } from '@mesecvi/http';
import { createQuestionnaireAjv } from '../schema/create-ajv';
import type { SchemaObject } from '../schema/json-schema';
import { lenientSchema } from '../schema/lenient-schema';
import { questionnaireItems } from '../schema/questionnaire-items';
import { textsFor, type QuestionnaireI18n, type QuestionnaireTexts } from '../i18n/questionnaire-texts';
import { toValidationIssues, type ValidationIssue } from './validation-issues';

/** `strict` for the final submission; `lenient` for drafts (DESIGN §2 "Validation"). */
export type ValidationMode = 'strict' | 'lenient';
export const VALIDATION_MODES: readonly ValidationMode[] = ['strict', 'lenient'];

export interface ValidationResult {
  valid: boolean;
  errors: ValidationIssue[];
}

/**
 * One questionnaire content, compiled at most once per mode (on first use) and kept: versions
 * never change, so neither do their validators.
 */
export class CompiledQuestionnaire {
  private readonly validators = new Map<ValidationMode, ValidateFunction>();
  private readonly texts = new Map<Language, QuestionnaireTexts>();
  private readonly ranks: Map<string, number>;
  /** How long each mode took to compile, in milliseconds (the bench prints it). */
  readonly compileMs: Partial<Record<ValidationMode, number>> = {};

  constructor(
    readonly schema: SchemaObject,
    readonly i18n: QuestionnaireI18n,
  ) {
    this.ranks = new Map(questionnaireItems(schema).map((item, i) => [item.id, i]));
  }

  /** The compiled Ajv function; throws Ajv's own error when the schema is not valid in strict mode. */
  validator(mode: ValidationMode): ValidateFunction {
    const cached = this.validators.get(mode);
    if (cached) return cached;
    const started = performance.now();
    const compiled = createQuestionnaireAjv().compile(mode === 'strict' ? this.schema : lenientSchema(this.schema));
    this.compileMs[mode] = performance.now() - started;
    this.validators.set(mode, compiled);
    return compiled;
  }

  validate(document: unknown, mode: ValidationMode, language: Language): ValidationResult {
    const validate = this.validator(mode);
    if (validate(document)) return { valid: true, errors: [] };
    return { valid: false, errors: toValidationIssues(validate.errors ?? [], this.textsIn(language), language, this.rankOf) };
  }

  /** Unknown items (refused as additional properties) sort last. */
  private readonly rankOf = (id: string): number => this.ranks.get(id) ?? Number.MAX_SAFE_INTEGER;

  textsIn(language: Language): QuestionnaireTexts {
    let texts = this.texts.get(language);
    if (!texts) {
      texts = textsFor(this.i18n, language);
      this.texts.set(language, texts);
    }
    return texts;
  }
}
