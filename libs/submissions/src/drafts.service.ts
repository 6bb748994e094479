import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '@mesecvi/clock';
import { APP_CONFIG, type AppConfig } from '@mesecvi/config';
import { DomainError } from '@mesecvi/errors';
import { isUuid, type Caller, type Precondition, type RequestMeta } from '@mesecvi/http';
import { QuestionnaireRegistry, answersInvalid, toFieldProblems, type ValidationResult } from '@mesecvi/questionnaires';
import { EvaluationTransitions, EvaluationsService } from '@mesecvi/rounds';
import { checkDocumentShape, checkDocumentShapeJson, type DocumentLimits } from './document-limits';
import type { DraftSaveResult, DraftView, ItemEditView } from './draft.view';
import { DraftsRepository, type DraftSaveInput, type DraftSaveOutcome } from './drafts.repository';
import { staleDraft } from './etag';
import { EvaluationAccess, type EvaluationFacts } from './evaluation-access.service';
import { EvidenceAttachmentsService } from './evidence-attachments.service';
import { evidenceReferences } from './evidence-references';
import { applyMergePatch } from './merge-patch';

/**
 * The document a save would store: parsed, shape-checked and written out once (`json`, the text
 * the statement stores, is the serialisation of the very value the validator sees); or the
 * shape problem of a merged document, answered only after the draft's own checks.
 */
type Candidate = { document: Record<string, unknown>; json: string } | { problem: unknown };

/** A candidate document with its validation: both verdicts at once. */
interface Checked {
  document: Record<string, unknown>;
  json: string;
  lenient: ValidationResult;
  strict: ValidationResult;
}

/**
 * A state's working draft: read, replaced or merge-patched under If-Match. Saves validate
 * leniently: what is missing is returned as remaining problems, but an answer of the
 * wrong form (type, format, option, maximum, pattern, unknown field, unknown attachment) is
 * refused with 422 and nothing is stored — so a stored draft is always leniently valid.
 */
@Injectable()
export class DraftsService {
  private readonly limits: DocumentLimits;
  constructor(
    private readonly dataSource: DataSource,
    private readonly drafts: DraftsRepository,
    private readonly access: EvaluationAccess,
    private readonly evaluations: EvaluationsService,
    private readonly transitions: EvaluationTransitions,
    private readonly registry: QuestionnaireRegistry,
    private readonly evidence: EvidenceAttachmentsService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    const s = config.submissions;
    this.limits = { maxBytes: s.answersMaxBytes, maxDepth: s.answersMaxDepth, maxArrayItems: s.answersMaxArrayItems };
  }

  get documentLimits(): DocumentLimits {
    return this.limits;
  }

  async get(caller: Caller, evaluationId: string, meta: RequestMeta): Promise<DraftView> {
    const evaluation = await this.evaluations.get(caller, evaluationId, meta);
    const draft = await this.drafts.row(this.dataSource.manager, evaluationId);
    const items: Record<string, ItemEditView> = {};
    for (const e of await this.drafts.itemEdits(evaluationId))
      items[e.item_id] = {
        editedBy: e.edited_by,
        editedAt: e.edited_at.toISOString(),
        prefilledFrom: e.prefilled_from,
      };
    const strict = await this.registry.validate(
      evaluation.questionnaireVersionId,
      draft.document,
      'strict',
      caller.language,
    );
    return {
      evaluationId,
      evaluationStatus: evaluation.status,
      version: draft.version,
      document: draft.document,
      updatedAt: draft.updated_at.toISOString(),
      updatedBy: draft.updated_by,
      items,
      remainingProblems: toFieldProblems(strict),
    };
  }

  /** PUT: the whole document, as parsed (a body's text never reaches here: what is stored is what is validated). */
  async replace(
    caller: Caller,
    evaluationId: string,
    document: unknown,
    precondition: Precondition,
    meta: RequestMeta,
  ): Promise<DraftSaveResult> {
    const json = checkDocumentShapeJson(document, this.limits);
    const now = await this.clock.now();
    const facts = await this.access.factsFor(caller, evaluationId, meta);
    const expected = precondition.version();
    const candidate = { document: document as Record<string, unknown>, json };
    return this.save(caller, facts, expected, meta, now, candidate, null);
  }

  /** PATCH: a JSON Merge Patch (RFC 7396) applied to the stored document, e.g. one section's autosave. */
  async patch(
    caller: Caller,
    evaluationId: string,
    patch: unknown,
    precondition: Precondition,
    meta: RequestMeta,
  ): Promise<DraftSaveResult> {
    checkDocumentShape(patch, this.limits, 'The patch');
    const now = await this.clock.now();
    const facts = await this.access.factsFor(caller, evaluationId, meta);
    const expected = precondition.version();
    // Read without a lock: the statement writes only if the version is still the one merged onto.
    const stored = await this.drafts.find(this.dataSource.manager, evaluationId);
    const candidate =
      stored !== undefined && stored.version === expected ? this.shaped(applyMergePatch(stored.document, patch)) : null;
    return this.save(caller, facts, expected, meta, now, candidate, Object.keys(patch as Record<string, unknown>));
  }

  private shaped(document: unknown): Candidate {
    try {
      return { document: document as Record<string, unknown>, json: checkDocumentShapeJson(document, this.limits) };
    } catch (problem) {
      return { problem };
    }
  }

  /**
   * The draft save, PUT and PATCH alike: the document is validated here (no database needed),
   * then one statement writes it when everything holds — a draft being worked on, the version
   * the caller read, a leniently valid document citing only the state's own files — and answers
   * the facts that decide the error otherwise. The first save of an `invited` evaluation runs
   * the same statement in a transaction after the `first_draft_save` transition.
   */
  private async save(
    caller: Caller,
    facts: EvaluationFacts,
    expected: number | undefined,
    meta: RequestMeta,
    now: Date,
    /** null: no document to store (the draft moved on since the version a patch names). */
    candidate: Candidate | null,
    patchKeys: string[] | null,
  ): Promise<DraftSaveResult> {
    const checked = candidate !== null && 'json' in candidate ? await this.check(facts, candidate, caller) : null;
    const input: DraftSaveInput = {
      evaluationId: facts.id,
      stateCode: facts.stateCode,
      questionnaireVersionId: facts.questionnaireVersionId,
      expected,
      json: checked?.lenient.valid ? checked.json : null,
      attachmentIds: checked ? this.citedFiles(checked.document) : [],
      patchKeys,
      userId: caller.userId,
      role: caller.role,
      requestId: meta.requestId ?? null,
      now,
    };
    let outcome = await this.drafts.save(input);
    await this.settle(outcome, expected, candidate, checked, facts, caller);
    if (outcome.version === null && outcome.status === 'invited')
      outcome = await this.firstSave(input, expected, candidate, checked, facts, caller, meta, now);
    if (outcome.version === null || outcome.status === null || checked === null)
      throw staleDraft((await this.drafts.row(this.dataSource.manager, facts.id)).version);
    return {
      evaluationId: facts.id,
      evaluationStatus: outcome.status,
      version: outcome.version,
      updatedAt: now.toISOString(),
      changedItems: outcome.changedItems,
      remainingProblems: toFieldProblems(checked.strict),
    };
  }

  /** `invited` → `drafting` and the save, together: a refused save leaves the evaluation invited. */
  private async firstSave(
    input: DraftSaveInput,
    expected: number | undefined,
    candidate: Candidate | null,
    checked: Checked | null,
    facts: EvaluationFacts,
    caller: Caller,
    meta: RequestMeta,
    now: Date,
  ): Promise<DraftSaveOutcome> {
    return this.dataSource.transaction(async (manager) => {
      const evaluation = await this.transitions.lock(manager, facts.id);
      if (evaluation.status === 'invited')
        await this.transitions.apply(manager, evaluation, 'first_draft_save', {
          actor: caller,
          requestId: meta.requestId,
          now,
        });
      const outcome = await this.drafts.save(input, manager);
      await this.settle(outcome, expected, candidate, checked, facts, caller);
      // Not written with every check passed: another save moved the version first (412, rolled back).
      if (outcome.version === null) throw staleDraft((await this.drafts.row(manager, facts.id)).version);
      return outcome;
    });
  }

  /**
   * Why the statement did not write, answered in the API's order: 404 (no evaluation), 409 (not
   * editable), 404 (no draft), 412 (another version), then the document's own problems (its
   * shape, 413/422; its form and files, 422). Returns when nothing is wrong.
   */
  private async settle(
    outcome: DraftSaveOutcome,
    expected: number | undefined,
    candidate: Candidate | null,
    checked: Checked | null,
    facts: EvaluationFacts,
    caller: Caller,
  ): Promise<void> {
    if (outcome.version !== null) return;
    if (outcome.status === null) throw new DomainError('not_found', 'State evaluation was not found');
    this.access.assertEditable({ status: outcome.status });
    if (outcome.currentVersion === null) throw new DomainError('not_found', 'This evaluation has no draft');
    if (outcome.currentVersion !== expected || candidate === null) throw staleDraft(outcome.currentVersion);
    if ('problem' in candidate) throw candidate.problem;
    if (checked !== null && (!checked.lenient.valid || !outcome.filesOk))
      throw await this.wrongForm(facts, checked, caller, outcome.filesOk);
  }

  private async check(
    facts: EvaluationFacts,
    candidate: { document: Record<string, unknown>; json: string },
    caller: Caller,
  ): Promise<Checked> {
    const compiled = await this.registry.compiled(facts.questionnaireVersionId);
    return { ...candidate, ...compiled.validateDraft(candidate.document, caller.language) };
  }

  /** Well-formed attachment ids the document cites (the validator refuses the others). */
  private citedFiles(document: Record<string, unknown>): string[] {
    return evidenceReferences(document)
      .map((r) => r.attachmentId.toLowerCase())
      .filter(isUuid);
  }

  /** 422: the lenient validator's problems and, when a cited file is not the state's, which ones. */
  private async wrongForm(
    facts: EvaluationFacts,
    checked: Checked,
    caller: Caller,
    filesOk: boolean,
  ): Promise<DomainError> {
    const attachments = filesOk
      ? []
      : await this.evidence.referenceProblems(
          this.dataSource.manager,
          facts.stateCode,
          checked.document,
          facts.questionnaireVersionId,
          caller.language,
        );
    const error = answersInvalid(checked.lenient, 'Some answers have the wrong form; nothing was saved.');
    error.options.errors = [...(error.options.errors ?? []), ...attachments];
    return error;
  }
}
