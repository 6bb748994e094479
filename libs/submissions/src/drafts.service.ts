import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '@mesecvi/audit';
import { Clock } from '@mesecvi/clock';
import { APP_CONFIG, type AppConfig } from '@mesecvi/config';
import { queryNamed } from '@mesecvi/database';
import { DomainError } from '@mesecvi/errors';
import { isUuid, type Caller, type Precondition, type RequestMeta } from '@mesecvi/http';
import { QuestionnaireRegistry, answersInvalid, canonicalJson, toFieldProblems } from '@mesecvi/questionnaires';
import { EvaluationTransitions, EvaluationsService, type LockedEvaluation } from '@mesecvi/rounds';
import {
  checkDocumentShape,
  checkDocumentShapeJson,
  checkDocumentShapeText,
  type DocumentLimits,
} from './document-limits';
import type { DraftSaveResult, DraftView, ItemEditView } from './draft.view';
import { staleDraft } from './etag';
import { EvaluationAccess } from './evaluation-access.service';
import { EvidenceAttachmentsService } from './evidence-attachments.service';
import { evidenceReferences } from './evidence-references';
import { applyMergePatch } from './merge-patch';

/**
 * $1 evaluation, $2 expected version, $3 document, $4 now, $5 user, $6 cited attachment ids,
 * $7 state code, $8 role, $9 request id, $10 questionnaire version (the cached facts, re-checked
 * here: a mismatch writes nothing). The evaluation is locked as in `save` (so a submit or a
 * clarification request in progress is waited for, and its new status seen); the stored answers
 * are read at the version the caller names, so the changed items are those since that version.
 * Audit summary as in `save`: state, version, the first 100 changed items (sorted) and their count.
 */
const SAVE_DRAFT_SQL = (changed: string): string => `
WITH ev AS (
  SELECT status FROM state_evaluation WHERE id = $1 AND state_code = $7 AND questionnaire_version_id = $10 FOR UPDATE
), cur AS (
  SELECT document FROM answer_draft WHERE evaluation_id = $1 AND version = $2
), files AS (
  SELECT count(*) = cardinality($6::uuid[]) AS ok FROM evidence_attachment WHERE id = ANY($6::uuid[]) AND state_code = $7
), doc AS (
  SELECT $3::jsonb AS answers
), upd AS (
  UPDATE answer_draft d SET document = doc.answers, version = d.version + 1, updated_at = $4, updated_by = $5
    FROM ev, cur, files, doc
   WHERE d.evaluation_id = $1 AND d.version = $2 AND ev.status IN ('drafting', 'clarification_requested') AND files.ok
  RETURNING d.version
), changed AS (${changed}
), marks AS (
  INSERT INTO answer_item_edit (evaluation_id, item_id, edited_by, edited_at, prefilled_from)
  SELECT $1, left(item, 64), $5, $4, NULL FROM changed
  ON CONFLICT (evaluation_id, item_id) DO UPDATE SET edited_by = EXCLUDED.edited_by, edited_at = EXCLUDED.edited_at, prefilled_from = EXCLUDED.prefilled_from
), audit AS (
  INSERT INTO audit_event (occurred_at, actor_user_id, actor_role, action, entity_type, entity_id, summary, request_id)
  SELECT $4, $5, $8, 'answer_draft.saved', 'state_evaluation', $1,
         jsonb_build_object(
           'stateCode', $7::text,
           'version', upd.version,
           'items', COALESCE((SELECT jsonb_agg(item ORDER BY item COLLATE "C") FROM (SELECT item FROM changed ORDER BY item COLLATE "C" LIMIT 100) f), '[]'::jsonb),
           'itemCount', (SELECT count(*) FROM changed)),
         $9
    FROM upd
)
SELECT (SELECT version FROM upd) AS version, (SELECT status FROM ev) AS status, (SELECT array_agg(item) FROM changed) AS changed`;

/** PUT: every item of either document is compared (as jsonb) with the stored answers. */
const SAVE_REPLACED_DRAFT_SQL = SAVE_DRAFT_SQL(`
  SELECT COALESCE(n.key, o.key) AS item
    FROM (SELECT e.key, e.value FROM doc, jsonb_each(doc.answers) e) n
    FULL JOIN (SELECT e.key, e.value FROM cur, jsonb_each(cur.document) e) o ON o.key = n.key
   WHERE EXISTS (SELECT 1 FROM upd) AND n.value IS DISTINCT FROM o.value`);

/**
 * PATCH: $11 the merge patch's top-level keys. The document is the stored one (version $2) with
 * the patch merged in, so only those items can differ: each is compared alone instead of
 * unpacking both whole documents (an autosave patches one section of a large draft).
 */
const SAVE_PATCHED_DRAFT_SQL = SAVE_DRAFT_SQL(`
  SELECT k AS item
    FROM doc, cur, unnest($11::text[]) k
   WHERE EXISTS (SELECT 1 FROM upd) AND (doc.answers -> k) IS DISTINCT FROM (cur.document -> k)`);

/** The shape check without its error (null): the transaction path reports it in its own order. */
function shapeJsonOrNull(document: unknown, limits: DocumentLimits): string | null {
  try {
    return checkDocumentShapeJson(document, limits);
  } catch {
    return null;
  }
}

interface DraftRow {
  document: Record<string, unknown>;
  version: number;
  updated_at: Date;
  updated_by: string | null;
}

/** Top-level items whose answer differs between two documents (added, removed or changed). */
export function changedItems(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const ids = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...ids]
    .filter((id) => !(id in before) || !(id in after) || canonicalJson(before[id]) !== canonicalJson(after[id]))
    .sort();
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
    const edits: Array<{ item_id: string; edited_by: string | null; edited_at: Date; prefilled_from: string | null }> =
      await this.dataSource.query(
        'SELECT item_id, edited_by, edited_at, prefilled_from FROM answer_item_edit WHERE evaluation_id = $1 ORDER BY item_id',
        [evaluationId],
      );
    const items: Record<string, ItemEditView> = {};
    for (const e of edits)
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

  /**
   * PUT: the whole document. `text`, when given, is the JSON text the api parsed `document` from
   * (see SentBody): stored as sent, with no second serialisation of a 28 KB draft.
   */
  async replace(
    caller: Caller,
    evaluationId: string,
    document: unknown,
    precondition: Precondition,
    meta: RequestMeta,
    text?: string,
  ): Promise<DraftSaveResult> {
    const json =
      text === undefined
        ? checkDocumentShapeJson(document, this.limits)
        : checkDocumentShapeText(document, text, this.limits);
    const now = await this.clock.now();
    const fast = await this.saveInOneStatement(
      caller,
      evaluationId,
      precondition,
      meta,
      now,
      async () => ({ document, json }),
      null,
    );
    return fast ?? this.save(caller, evaluationId, precondition, meta, now, () => document);
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
    const fast = await this.saveInOneStatement(
      caller,
      evaluationId,
      precondition,
      meta,
      now,
      async (expected) => {
        // Read without a lock: the write below only happens if the version is still the one merged onto.
        const rows: Array<{ document: Record<string, unknown>; version: number }> = await this.dataSource.query(
          'SELECT document, version FROM answer_draft WHERE evaluation_id = $1',
          [evaluationId],
        );
        if (rows[0]?.version !== expected) return undefined;
        const document = applyMergePatch(rows[0].document, patch);
        const json = shapeJsonOrNull(document, this.limits);
        return json === null ? undefined : { document, json };
      },
      Object.keys(patch as Record<string, unknown>),
    );
    return (
      fast ?? this.save(caller, evaluationId, precondition, meta, now, (current) => applyMergePatch(current, patch))
    );
  }

  /**
   * The common save in a single round trip: a draft being worked on (`drafting` or
   * `clarification_requested`), the right version, a leniently valid document citing only the
   * state's own files. One statement locks the evaluation, writes the version-guarded draft, marks
   * the changed items (compared as jsonb with the stored answers) and appends the audit event —
   * atomically, as one statement is. Anything else (a first save of an `invited` evaluation, a
   * stale ETag, a frozen draft, a wrong form, an unknown file) answers null, and `save` below
   * handles it in a transaction, which gives the precise answer (412, 409, 422…) in its order.
   * Not found and 428 are answered here in the same order as there.
   */
  private async saveInOneStatement(
    caller: Caller,
    evaluationId: string,
    precondition: Precondition,
    meta: RequestMeta,
    now: Date,
    /** The document to store, shape-checked, with its JSON text; undefined leaves the save to the transaction path. */
    produce: (expected: number) => Promise<{ document: unknown; json: string } | undefined>,
    /** A merge patch's top-level keys (the only items it can change); null for a whole document (every item compared). */
    patchKeys: string[] | null,
  ): Promise<DraftSaveResult | null> {
    const facts = await this.access.factsFor(caller, evaluationId, meta);
    const expected = precondition.version();
    if (expected === undefined) return null;
    const next = await produce(expected);
    if (next === undefined) return null;
    const document = next.document as Record<string, unknown>;
    const compiled = await this.registry.compiled(facts.questionnaireVersionId);
    const checks = compiled.validateDraft(document, caller.language);
    if (!checks.lenient.valid) return null;
    const references = evidenceReferences(document).map((r) => r.attachmentId.toLowerCase());
    if (!references.every(isUuid)) return null;
    const [name, sql, extra] = patchKeys
      ? ['answer_draft_patch_v1', SAVE_PATCHED_DRAFT_SQL, [patchKeys]]
      : ['answer_draft_save_v1', SAVE_REPLACED_DRAFT_SQL, []];
    const [row] = await queryNamed<{ version: number | null; status: string | null; changed: string[] | null }>(
      this.dataSource,
      name,
      sql,
      [
        evaluationId,
        expected,
        next.json,
        now,
        caller.userId,
        [...new Set(references)],
        facts.stateCode,
        caller.role,
        meta.requestId ?? null,
        facts.questionnaireVersionId,
        ...extra,
      ],
    );
    if (!row || row.version === null) return null;
    return {
      evaluationId,
      evaluationStatus: row.status as DraftSaveResult['evaluationStatus'],
      version: row.version,
      updatedAt: now.toISOString(),
      changedItems: [...(row.changed ?? [])].sort(),
      remainingProblems: toFieldProblems(checks.strict),
    };
  }

  /**
   * Writes a new draft version in one transaction: evaluation locked, version checked, document
   * validated, UPDATE guarded by the version, item marks, first-save transition, audit.
   */
  private async save(
    caller: Caller,
    evaluationId: string,
    precondition: Precondition,
    meta: RequestMeta,
    now: Date,
    produce: (current: Record<string, unknown>) => unknown,
  ): Promise<DraftSaveResult> {
    return this.dataSource.transaction(async (manager) => {
      const evaluation = await this.access.lockFor(manager, caller, evaluationId, meta);
      const expected = precondition.version();
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
      if (evaluation.status === 'invited')
        await this.transitions.apply(manager, evaluation, 'first_draft_save', {
          actor: caller,
          requestId: meta.requestId,
          now,
        });
      await this.audit.record(manager, {
        actor: caller,
        action: 'answer_draft.saved',
        entity: { type: 'state_evaluation', id: evaluationId },
        summary: { stateCode: evaluation.stateCode, version, items: changed.slice(0, 100), itemCount: changed.length },
        requestId: meta.requestId,
        at: now,
      });
      const strict = await this.registry.validate(
        evaluation.questionnaireVersionId,
        document,
        'strict',
        caller.language,
      );
      return {
        evaluationId,
        evaluationStatus: evaluation.status,
        version,
        updatedAt: now.toISOString(),
        changedItems: changed,
        remainingProblems: toFieldProblems(strict),
      };
    });
  }

  /** Lenient validation plus attachment references: anything of the wrong form is refused (422). */
  async assertLenientlyValid(
    manager: EntityManager,
    evaluation: LockedEvaluation,
    document: Record<string, unknown>,
    caller: Caller,
    cited: ReadonlySet<string> = new Set(),
  ): Promise<void> {
    const lenient = await this.registry.validate(
      evaluation.questionnaireVersionId,
      document,
      'lenient',
      caller.language,
    );
    const attachments = await this.evidence.referenceProblems(
      manager,
      evaluation.stateCode,
      document,
      evaluation.questionnaireVersionId,
      caller.language,
      cited,
    );
    if (!lenient.valid || attachments.length > 0) {
      const error = answersInvalid(lenient, 'Some answers have the wrong form; nothing was saved.');
      error.options.errors = [...(error.options.errors ?? []), ...attachments];
      throw error;
    }
  }

  /** The version-guarded UPDATE (TypeORM's save() would not guard it): 0 rows means someone else saved first. */
  async write(
    manager: EntityManager,
    evaluationId: string,
    expected: number,
    document: Record<string, unknown>,
    userId: string | null,
    now: Date,
  ): Promise<number> {
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

  async markEdited(
    manager: EntityManager,
    evaluationId: string,
    itemIds: string[],
    userId: string | null,
    now: Date,
    prefilledFrom: string | null,
  ): Promise<void> {
    if (itemIds.length === 0) return;
    await manager.query(
      `INSERT INTO answer_item_edit (evaluation_id, item_id, edited_by, edited_at, prefilled_from)
       SELECT $1, item, $3, $4, $5 FROM unnest($2::varchar[]) AS item
       ON CONFLICT (evaluation_id, item_id) DO UPDATE SET edited_by = EXCLUDED.edited_by, edited_at = EXCLUDED.edited_at, prefilled_from = EXCLUDED.prefilled_from`,
      [evaluationId, itemIds.map((id) => id.slice(0, 64)), userId, now, prefilledFrom],
    );
  }

  async row(manager: EntityManager, evaluationId: string): Promise<DraftRow> {
    const rows: DraftRow[] = await manager.query(
      'SELECT document, version, updated_at, updated_by FROM answer_draft WHERE evaluation_id = $1',
      [evaluationId],
    );
    if (!rows[0]) throw new DomainError('not_found', 'This evaluation has no draft');
    return rows[0];
  }
}
