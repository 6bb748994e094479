import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { auditInsertSql } from '@mesecvi/audit';
import { namedStatement, queryNamed } from '@mesecvi/database';
import { DomainError } from '@mesecvi/errors';
import type { EvaluationStatus } from '@mesecvi/rounds';
import { staleDraft } from './etag';

/** An item's last edit: one row per item, the latest edit wins. */
const MARK_EDITED = `ON CONFLICT (evaluation_id, item_id) DO UPDATE SET edited_by = EXCLUDED.edited_by, edited_at = EXCLUDED.edited_at, prefilled_from = EXCLUDED.prefilled_from`;

/**
 * $1 evaluation, $2 expected version, $3 document (null: nothing to write, only the facts are
 * wanted), $4 now, $5 user, $6 cited attachment ids, $7 state code, $8 role, $9 request id,
 * $10 questionnaire version (the cached facts, re-checked here: a mismatch writes nothing). The
 * evaluation is locked (so a submit or a clarification request in progress is waited for, and
 * its new status seen); the changed items are those since the version the caller names. The
 * write happens only for a draft being worked on (`drafting`, `clarification_requested`) at the
 * expected version citing only the state's own files; the facts answered say why not otherwise.
 * Audit summary: state, version, the first 100 changed items (sorted) and their count.
 */
const SAVE_SQL = (changed: string): string => `
WITH ev AS (
  SELECT status FROM state_evaluation WHERE id = $1 AND state_code = $7 AND questionnaire_version_id = $10 FOR UPDATE
), cur AS (
  SELECT document, version FROM answer_draft WHERE evaluation_id = $1
), files AS (
  SELECT count(*) = cardinality($6::uuid[]) AS ok FROM evidence_attachment WHERE id = ANY($6::uuid[]) AND state_code = $7
), doc AS (
  SELECT $3::jsonb AS answers
), upd AS (
  UPDATE answer_draft d SET document = doc.answers, version = d.version + 1, updated_at = $4, updated_by = $5
    FROM ev, cur, files, doc
   WHERE d.evaluation_id = $1 AND d.version = $2 AND cur.version = $2 AND doc.answers IS NOT NULL
     AND ev.status IN ('drafting', 'clarification_requested') AND files.ok
  RETURNING d.version
), changed AS (${changed}
), marks AS (
  INSERT INTO answer_item_edit (evaluation_id, item_id, edited_by, edited_at, prefilled_from)
  SELECT $1, left(item, 64), $5, $4, NULL FROM changed
  ${MARK_EDITED}
), audit AS (
  ${auditInsertSql('answer_draft.saved', {
    at: '$4',
    actorUserId: '$5',
    actorRole: '$8',
    entityType: "'state_evaluation'",
    entityId: '$1',
    summary: `jsonb_build_object(
      'stateCode', $7::text,
      'version', upd.version,
      'items', COALESCE((SELECT jsonb_agg(item ORDER BY item COLLATE "C") FROM (SELECT item FROM changed ORDER BY item COLLATE "C" LIMIT 100) f), '[]'::jsonb),
      'itemCount', (SELECT count(*) FROM changed))`,
    requestId: '$9',
    from: 'upd',
  })}
)
SELECT (SELECT version FROM upd) AS version, (SELECT status FROM ev) AS status, (SELECT version FROM cur) AS current_version,
       (SELECT ok FROM files) AS files_ok, (SELECT array_agg(item) FROM changed) AS changed`;

/** PUT: every item of either document is compared (as jsonb) with the stored answers. */
const SAVE_REPLACED_SQL = SAVE_SQL(`
  SELECT COALESCE(n.key, o.key) AS item
    FROM (SELECT e.key, e.value FROM doc, jsonb_each(doc.answers) e) n
    FULL JOIN (SELECT e.key, e.value FROM cur, jsonb_each(cur.document) e) o ON o.key = n.key
   WHERE EXISTS (SELECT 1 FROM upd) AND n.value IS DISTINCT FROM o.value`);

/**
 * PATCH: $11 the merge patch's top-level keys. The document is the stored one (version $2) with
 * the patch merged in, so only those items can differ: each is compared alone instead of
 * unpacking both whole documents (an autosave patches one section of a large draft).
 */
const SAVE_PATCHED_SQL = SAVE_SQL(`
  SELECT k AS item
    FROM doc, cur, unnest($11::text[]) k
   WHERE EXISTS (SELECT 1 FROM upd) AND (doc.answers -> k) IS DISTINCT FROM (cur.document -> k)`);

export interface DraftRow {
  document: Record<string, unknown>;
  version: number;
  updated_at: Date;
  updated_by: string | null;
}

export interface ItemEditRow {
  item_id: string;
  edited_by: string | null;
  edited_at: Date;
  prefilled_from: string | null;
}

/** One save as the statement takes it. */
export interface DraftSaveInput {
  evaluationId: string;
  stateCode: string;
  questionnaireVersionId: string;
  /** The If-Match version; undefined matches no draft. */
  expected: number | undefined;
  /** The JSON text of the validated document; null asks only for the facts (nothing is written). */
  json: string | null;
  /** The attachment ids the document cites (well-formed ones; the validator refuses the others). */
  attachmentIds: string[];
  /** A merge patch's top-level keys (the only items it can change); null for a whole document. */
  patchKeys: string[] | null;
  userId: string | null;
  role: string | null;
  requestId: string | null;
  now: Date;
}

/** What the save statement saw and did: `version` is the new version when it wrote, else null. */
export interface DraftSaveOutcome {
  version: number | null;
  /** The evaluation's status under its lock; null when it is not there (or not with these facts). */
  status: EvaluationStatus | null;
  /** The stored draft's version; null when the evaluation has no draft. */
  currentVersion: number | null;
  /** Whether every cited file is one of the state's. */
  filesOk: boolean;
  changedItems: string[];
}

interface SaveRow {
  version: number | null;
  status: EvaluationStatus | null;
  current_version: number | null;
  files_ok: boolean | null;
  changed: string[] | null;
}

/** Every statement on `answer_draft` and `answer_item_edit`. */
@Injectable()
export class DraftsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The draft save (PUT and PATCH), in one statement: lock, version-guarded write, item marks
   * and audit event together, atomically. Outside a transaction it runs as a named statement
   * on the pool (one round trip); `manager` runs it inside the caller's transaction.
   */
  async save(input: DraftSaveInput, manager?: EntityManager): Promise<DraftSaveOutcome> {
    const [name, sql, extra] = input.patchKeys
      ? ['answer_draft_patch_v2', SAVE_PATCHED_SQL, [input.patchKeys]]
      : ['answer_draft_save_v2', SAVE_REPLACED_SQL, []];
    const values = [
      input.evaluationId,
      input.expected ?? null,
      input.json,
      input.now,
      input.userId,
      [...new Set(input.attachmentIds)],
      input.stateCode,
      input.role,
      input.requestId,
      input.questionnaireVersionId,
      ...extra,
    ];
    const rows: SaveRow[] = manager
      ? await manager.query(namedStatement(name, sql), values)
      : await queryNamed<SaveRow>(this.dataSource, name, sql, values);
    const row = rows[0];
    return {
      version: row?.version ?? null,
      status: row?.status ?? null,
      currentVersion: row?.current_version ?? null,
      filesOk: row?.files_ok === true,
      changedItems: [...(row?.changed ?? [])].sort(),
    };
  }

  /** The stored draft, or undefined when the evaluation has none. */
  async find(manager: EntityManager, evaluationId: string): Promise<DraftRow | undefined> {
    const rows: DraftRow[] = await manager.query(
      'SELECT document, version, updated_at, updated_by FROM answer_draft WHERE evaluation_id = $1',
      [evaluationId],
    );
    return rows[0];
  }

  async row(manager: EntityManager, evaluationId: string): Promise<DraftRow> {
    const row = await this.find(manager, evaluationId);
    if (!row) throw new DomainError('not_found', 'This evaluation has no draft');
    return row;
  }

  async itemEdits(evaluationId: string): Promise<ItemEditRow[]> {
    return this.dataSource.query(
      'SELECT item_id, edited_by, edited_at, prefilled_from FROM answer_item_edit WHERE evaluation_id = $1 ORDER BY item_id',
      [evaluationId],
    );
  }

  /**
   * The version-guarded UPDATE for writes other than a save (a carry-over, a clarification's
   * reset), inside their transaction: 0 rows means someone else saved first (412).
   */
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
       ${MARK_EDITED}`,
      [evaluationId, itemIds.map((id) => id.slice(0, 64)), userId, now, prefilledFrom],
    );
  }
}
