import type { DataSource } from 'typeorm';
import { auditHash, GENESIS_HASH, type SealedContent } from './audit-chain';

export interface AuditChainBreak {
  sealSeq: string;
  id: string;
  /** What did not match: the sequence (a gap or a duplicate), the link, or the row's own hash. */
  problem: 'seal_seq' | 'prev_hash' | 'hash';
  expected: string;
  actual: string;
}

export interface AuditChainReport {
  ok: boolean;
  /** Sealed rows checked and found good (all of them when ok). */
  sealed: number;
  unsealed: number;
  /** Age of the oldest unsealed row against `now`, or null when everything is sealed. */
  oldestUnsealedSeconds: number | null;
  /** The first broken link, in seal order. */
  broken: AuditChainBreak | null;
}

interface SealedRow {
  seal_seq: string;
  id: string;
  occurred_at_us: string;
  actor_user_id: string | null;
  actor_role: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  summary_text: string;
  request_id: string | null;
  prev_hash: string | null;
  hash: string | null;
}

const PAGE = 1000;

function contentOf(row: SealedRow): SealedContent {
  return {
    sealSeq: row.seal_seq,
    id: row.id,
    occurredAtMicros: row.occurred_at_us,
    actorUserId: row.actor_user_id,
    actorRole: row.actor_role,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    summaryText: row.summary_text,
    requestId: row.request_id,
  };
}

/** Checks one row against its predecessor's hash; returns the first mismatch or null. */
function checkRow(row: SealedRow, expectedSeq: bigint, prevHash: string): AuditChainBreak | null {
  const at = { sealSeq: row.seal_seq, id: row.id };
  if (BigInt(row.seal_seq) !== expectedSeq)
    return { ...at, problem: 'seal_seq', expected: expectedSeq.toString(), actual: row.seal_seq };
  if (row.prev_hash !== prevHash)
    return { ...at, problem: 'prev_hash', expected: prevHash, actual: String(row.prev_hash) };
  const recomputed = auditHash(prevHash, contentOf(row));
  if (row.hash !== recomputed) return { ...at, problem: 'hash', expected: recomputed, actual: String(row.hash) };
  return null;
}

/**
 * Walks the sealed chain in `seal_seq` order, recomputing every hash in TypeScript (independently
 * of the SQL that sealed it), in one read-only snapshot. Column values are read as PostgreSQL's
 * text forms, the same bytes the seal hashed.
 */
export async function verifyAuditChain(dataSource: DataSource, now: Date): Promise<AuditChainReport> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('START TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY');
    let prevHash = GENESIS_HASH;
    let expectedSeq = 1n;
    let sealed = 0;
    let broken: AuditChainBreak | null = null;
    let after = '0';
    while (broken === null) {
      const rows: SealedRow[] = await runner.query(
        `SELECT seal_seq, id, (extract(epoch FROM occurred_at) * 1000000)::bigint::text AS occurred_at_us,
                actor_user_id::text AS actor_user_id, actor_role, action, entity_type, entity_id,
                summary::text AS summary_text, request_id, prev_hash, hash
         FROM audit_event WHERE seal_seq > $1 ORDER BY seal_seq LIMIT $2`,
        [after, PAGE],
      );
      for (const row of rows) {
        broken = checkRow(row, expectedSeq, prevHash);
        if (broken) break;
        sealed++;
        expectedSeq++;
        prevHash = String(row.hash);
      }
      if (rows.length < PAGE) break;
      after = rows[rows.length - 1].seal_seq;
    }
    // A row with only some seal columns set has been tampered with: report it if the walk did not break first.
    if (!broken) {
      const partial: Array<{ id: string; seal_seq: string | null }> = await runner.query(
        `SELECT id, seal_seq FROM audit_event
         WHERE (seal_seq IS NULL) <> (hash IS NULL) OR (seal_seq IS NULL) <> (prev_hash IS NULL) ORDER BY id LIMIT 1`,
      );
      if (partial.length > 0) {
        broken = {
          sealSeq: partial[0].seal_seq ?? '(none)',
          id: partial[0].id,
          problem: 'hash',
          expected: 'all seal columns set or none',
          actual: 'partly sealed',
        };
      }
    }
    const [lag]: Array<{ unsealed: string; oldest: Date | null }> = await runner.query(
      'SELECT count(*) AS unsealed, min(occurred_at) AS oldest FROM audit_event WHERE seal_seq IS NULL',
    );
    await runner.query('COMMIT');
    const oldestUnsealedSeconds = lag.oldest
      ? Math.max(0, Math.round((now.getTime() - lag.oldest.getTime()) / 1000))
      : null;
    return { ok: broken === null, sealed, unsealed: Number(lag.unsealed), oldestUnsealedSeconds, broken };
  } catch (e) {
    await runner.query('ROLLBACK').catch(() => undefined); // ours was begun by hand, not through TypeORM
    throw e;
  } finally {
    await runner.release();
  }
}

/** The one-line summary `npm run audit:verify` prints. */
export function describeAuditChain(report: AuditChainReport): string {
  if (report.broken) {
    const b = report.broken;
    return (
      `audit chain BROKEN at seal_seq ${b.sealSeq} (id ${b.id}): ${b.problem} mismatch ` +
      `(expected ${b.expected}, found ${b.actual}); ${report.sealed} sealed events verified before it`
    );
  }
  const lag = report.oldestUnsealedSeconds === null ? '' : ` (oldest unsealed ${report.oldestUnsealedSeconds}s old)`;
  return `audit chain OK: ${report.sealed} sealed events, ${report.unsealed} unsealed${lag}`;
}
