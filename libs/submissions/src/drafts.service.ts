import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '@mesecvi/audit';
import { Clock } from '@mesecvi/clock';
import { APP_CONFIG, type AppConfig } from '@mesecvi/config';
import { DomainError } from '@mesecvi/errors';
import type { Caller, RequestMeta } from '@mesecvi/http';
import { QuestionnaireRegistry, answersInvalid, canonicalJson, toFieldProblems } from '@mesecvi/questionnaires';
import { EvaluationTransitions, EvaluationsService, type LockedEvaluation } from '@mesecvi/rounds';
import { checkDocumentShape, type DocumentLimits } from './document-limits';
import type { DraftSaveResult, DraftView, ItemEditView } from './draft.view';
import { expectedVersion, staleDraft } from './etag';
import { EvaluationAccess } from './evaluation-access.service';
import { EvidenceAttachmentsService } from './evidence-attachments.service';
import { evidenceReferences } from './evidence-references';
import { applyMergePatch } from './merge-patch';

interface DraftRow {
  document: Record<string, unknown>;
  version: number;
  updated_at: Date;
  updated_by: string | null;
}

/** Top-level items whose answer differs between two documents (added, removed or changed). */
export function changedItems(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const ids = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...ids].filter((id) => !(id in before) || !(id in after) || canonicalJson(before[id]) !== canonicalJson(after[id])).sort();
}

/**
 * A state's working draft: read, replaced or merge-patched under If-Match. Saves validate
 * leniently (DESIGN §2): what is missing is returned as remaining problems, but an answer of the
 * wrong form (type, format, option, maximum, pattern, unknown field, unknown attachment) is
 * refused with 422 and nothing is stored — so a stored draft is always leniently valid.
 */
@Injectable()
export class DraftsService {
  private readonly limits: DocumentLimits;

  constructor(
    private readonly dataSource: DataSource,
    private readonly access: EvaluationAccess,
    private readonly evaluations: EvaluationsService,
    private readonly transitions: EvaluationTransitions,
    private readonly registry: QuestionnaireRegistry,
    private readonly evidence: EvidenceAttachmentsService,
    private readonly audit: AuditService,
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
    const draft = await this.row(this.dataSource.manager, evaluationId);
    const edits: Array<{ item_id: string; edited_by: string | null; edited_at: Date; prefilled_from: string | null }> = await this.dataSource.query(
      'SELECT item_id, edited_by, edited_at, prefilled_from FROM answer_item_edit WHERE evaluation_id = $1 ORDER BY item_id',
      [evaluationId],
    );
    const items: Record<string, ItemEditView> = {};
    for (const e of edits) items[e.item_id] = { editedBy: e.edited_by, editedAt: e.edited_at.toISOString(), prefilledFrom: e.prefilled_from };
    const strict = await this.registry.validate(evaluation.questionnaireVersionId, draft.document, 'strict', caller.language);
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

  /** PUT: the whole document. */
  replace(caller: Caller, evaluationId: string, document: unknown, ifMatch: string | undefined, meta: RequestMeta): Promise<DraftSaveResult> {
    checkDocumentShape(document, this.limits);
    return this.save(caller, evaluationId, ifMatch, meta, () => document);
  }

  /** PATCH: a JSON Merge Patch (RFC 7396) applied to the stored document, e.g. one section's autosave. */
  patch(caller: Caller, evaluationId: string, patch: unknown, ifMatch: string | undefined, meta: RequestMeta): Promise<DraftSaveResult> {
    checkDocumentShape(patch, this.limits, 'The patch');
    return this.save(caller, evaluationId, ifMatch, meta, (current) => applyMergePatch(current, patch));
  }

  /**
   * Writes a new draft version in one transaction: evaluation locked, version checked, document
   * validated, UPDATE guarded by the version, item marks, first-save transition, audit.
   */
  private async save(caller: Caller, evaluationId: string, ifMatch: string | undefined, meta: RequestMeta, produce: (current: Record<string, unknown>) => unknown): Promise<DraftSaveResult> {
    const now = await this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      const evaluation = await this.access.lockFor(manager, caller, evaluationId, meta);
      const expected = expectedVersion(ifMatch);
      this.access.assertEditable(evaluation);
      const current = await this.row(manager, evaluationId);
      if (expected !== current.version) throw staleDraft(current.version);
      const next = produce(current.document);
      checkDocumentShape(next, this.limits);
      const document = next as Record<string, unknown>;
      const cited = new Set(evidenceReferences(current.document).map((r) => r.attachmentId.toLowerCase()));
      await this.assertLenientlyValid(manager, evaluation, document, caller, cited);
      const version = await this.write(manager, evaluationId, expected, document, caller.userId, now);
      const changed = changedItems(current.document, document);
      await this.markEdited(manager, evaluationId, changed, caller.userId, now, null);
      if (evaluation.status === 'invited') await this.transitions.apply(manager, evaluation, 'first_draft_save', { actor: caller, requestId: meta.requestId, now });
      await this.audit.record(manager, {
        actor: caller,
        action: 'answer_draft.saved',
        entity: { type: 'state_evaluation', id: evaluationId },
        summary: { stateCode: evaluation.stateCode, version, items: changed.slice(0, 100), itemCount: changed.length },
        requestId: meta.requestId,
        at: now,
      });
      const strict = await this.registry.validate(evaluation.questionnaireVersionId, document, 'strict', caller.language);
      return { evaluationId, evaluationStatus: evaluation.status, version, updatedAt: now.toISOString(), changedItems: changed, remainingProblems: toFieldProblems(strict) };
    });
  }

  /** Lenient validation plus attachment references: anything of the wrong form is refused (422). */
  async assertLenientlyValid(manager: EntityManager, evaluation: LockedEvaluation, document: Record<string, unknown>, caller: Caller, cited: ReadonlySet<string> = new Set()): Promise<void> {
    const lenient = await this.registry.validate(evaluation.questionnaireVersionId, document, 'lenient', caller.language);
    const attachments = await this.evidence.referenceProblems(manager, evaluation.stateCode, document, evaluation.questionnaireVersionId, caller.language, cited);
    if (!lenient.valid || attachments.length > 0) {
      const error = answersInvalid(lenient, 'Some answers have the wrong form; nothing was saved.');
      error.options.errors = [...(error.options.errors ?? []), ...attachments];
      throw error;
    }
  }

  /** The version-guarded UPDATE (TypeORM's save() would not guard it): 0 rows means someone else saved first. */
  async write(manager: EntityManager, evaluationId: string, expected: number, document: Record<string, unknown>, userId: string | null, now: Date): Promise<number> {
    const rows: Array<{ version: number }> = await manager.query(
      `UPDATE answer_draft SET document = $3::jsonb, version = version + 1, updated_at = $4, updated_by = $5
        WHERE evaluation_id = $1 AND version = $2 RETURNING version`,
      [evaluationId, expected, JSON.stringify(document), now, userId],
    );
    // UPDATE … RETURNING through the pg driver answers [rows, count].
    const updated = (Array.isArray(rows[0]) ? rows[0] : rows) as Array<{ version: number }>;
    if (updated.length === 0) throw staleDraft((await this.row(manager, evaluationId)).version);
    return updated[0].version;
  }

  async markEdited(manager: EntityManager, evaluationId: string, itemIds: string[], userId: string | null, now: Date, prefilledFrom: string | null): Promise<void> {
    if (itemIds.length === 0) return;
    await manager.query(
      `INSERT INTO answer_item_edit (evaluation_id, item_id, edited_by, edited_at, prefilled_from)
       SELECT $1, item, $3, $4, $5 FROM unnest($2::varchar[]) AS item
       ON CONFLICT (evaluation_id, item_id) DO UPDATE SET edited_by = EXCLUDED.edited_by, edited_at = EXCLUDED.edited_at, prefilled_from = EXCLUDED.prefilled_from`,
      [evaluationId, itemIds.map((id) => id.slice(0, 64)), userId, now, prefilledFrom],
    );
  }

  async row(manager: EntityManager, evaluationId: string): Promise<DraftRow> {
    const rows: DraftRow[] = await manager.query('SELECT document, version, updated_at, updated_by FROM answer_draft WHERE evaluation_id = $1', [evaluationId]);
    if (!rows[0]) throw new DomainError('not_found', 'This evaluation has no draft');
    return rows[0];
  }
}
