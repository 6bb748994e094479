import { performance } from 'node:perf_hooks';
import type { ValidateFunction } from 'ajv';
import type { Language } from '@mesecvi/http';
import { createQuestionnaireAjv } from '../schema/create-ajv';
import type { SchemaObject } from '../schema/json-schema';
import { LENIENT_DROPPED_KEYWORDS, lenientSchema } from '../schema/lenient-schema';
import { forEachSchema } from '../schema/schema-walk';
import { questionnaireItems } from '../schema/questionnaire-items';
import { textsFor, type QuestionnaireI18n, type QuestionnaireTexts } from '../i18n/questionnaire-texts';
import { toValidationIssues, type ValidationIssue } from './validation-issues';

/** `strict` for the final submission; `lenient` for drafts. */
export type ValidationMode = 'strict' | 'lenient';
export const VALIDATION_MODES: readonly ValidationMode[] = ['strict', 'lenient'];

export interface ValidationResult {
  valid: boolean;
  errors: ValidationIssue[];
}

const DROPPED: ReadonlySet<string> = new Set(LENIENT_DROPPED_KEYWORDS);
/**
 * Keywords under which dropping `required` & co. can make a schema refuse more, not less: a
 * `not` or `if` whose subschema starts to match, a `oneOf` matching twice, a `contains` counting
 * more items against `maxContains` (or `minContains: 0` becoming 1), unevaluated* annotations.
 */
const NOT_MONOTONE = ['not', 'if', 'oneOf', 'contains', 'minContains', 'unevaluatedProperties', 'unevaluatedItems'];

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
    return {
      valid: false,
      errors: toValidationIssues(validate.errors ?? [], this.textsIn(language), language, this.rankOf),
    };
  }

  /**
   * Both checks of a draft save: lenient (may it be stored?) and strict (what is still
   * missing?), validating once when that answers both. The lenient schema is the strict one less
   * LENIENT_DROPPED_KEYWORDS; when no keyword of NOT_MONOTONE appears, it accepts everything the
   * strict one does, and a document whose only strict failures are dropped keywords (Ajv reports
   * every failure: allErrors) passes it too. Otherwise the lenient validator runs as well.
   */
  validateDraft(document: unknown, language: Language): { lenient: ValidationResult; strict: ValidationResult } {
    const validate = this.validator('strict');
    const valid = validate(document);
    const raw = valid ? [] : [...(validate.errors ?? [])];
    const strict: ValidationResult = valid
      ? { valid: true, errors: [] }
      : { valid: false, errors: toValidationIssues(raw, this.textsIn(language), language, this.rankOf) };
    if (this.lenientIsRelaxation() && raw.every((e) => DROPPED.has(e.keyword)))
      return { lenient: { valid: true, errors: [] }, strict };
    return { lenient: this.validate(document, 'lenient', language), strict };
  }

  private monotone?: boolean;

  /** Whether the lenient schema accepts every document the strict one does (see validateDraft). */
  lenientIsRelaxation(): boolean {
    if (this.monotone === undefined) {
      let monotone = true;
      forEachSchema(this.schema, (node) => {
        if (NOT_MONOTONE.some((k) => k in node)) monotone = false;
      });
      this.monotone = monotone;
    }
    return this.monotone;
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
