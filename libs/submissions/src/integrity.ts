import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { canonicalJson } from '@mesecvi/questionnaires';

export interface IntegrityProblem {
  id: string;
  problem: string;
}

export interface IntegrityReport {
  checked: number;
  problems: IntegrityProblem[];
}

const BATCH = 200;

/**
 * Recomputes every submitted version's sha256 from its stored canonical JSON, and checks that
 * the text is still canonical (re-canonicalising it gives the same text).
 */
export async function verifySubmissions(ds: DataSource): Promise<IntegrityReport> {
  const report: IntegrityReport = { checked: 0, problems: [] };
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows: Array<{ id: string; sha256: string; canonical_json: string }> = await ds.query(
      'SELECT id, sha256, canonical_json FROM submission WHERE id > $1 ORDER BY id LIMIT $2',
      [after, BATCH],
    );
    if (rows.length === 0) return report;
    for (const row of rows) {
      report.checked++;
      const actual = createHash('sha256').update(row.canonical_json, 'utf8').digest('hex');
      if (actual !== row.sha256) {
        report.problems.push({ id: row.id, problem: `sha256 mismatch: stored ${row.sha256}, recomputed ${actual}` });
        continue;
      }
      try {
        if (canonicalJson(JSON.parse(row.canonical_json)) !== row.canonical_json)
          report.problems.push({ id: row.id, problem: 'stored text is not canonical JSON' });
      } catch {
        report.problems.push({ id: row.id, problem: 'stored text is not JSON' });
      }
    }
    after = rows[rows.length - 1].id;
  }
}

/** Checks every evidence file: its bytes are there, of the recorded size, with the recorded sha256 (computed in PostgreSQL). */
export async function verifyAttachments(ds: DataSource): Promise<IntegrityReport> {
  const report: IntegrityReport = { checked: 0, problems: [] };
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows: Array<{
      id: string;
      sha256: string;
      size_bytes: number;
      present: boolean;
      actual_size: number | null;
      actual_sha256: string | null;
    }> = await ds.query(
      `SELECT a.id, a.sha256, a.size_bytes, c.attachment_id IS NOT NULL AS present, octet_length(c.content) AS actual_size, encode(sha256(c.content), 'hex') AS actual_sha256
         FROM evidence_attachment a LEFT JOIN evidence_attachment_content c ON c.attachment_id = a.id
        WHERE a.id > $1 ORDER BY a.id LIMIT $2`,
      [after, BATCH],
    );
    if (rows.length === 0) return report;
    for (const row of rows) {
      report.checked++;
      if (!row.present) report.problems.push({ id: row.id, problem: 'file missing' });
      else if (Number(row.actual_size) !== row.size_bytes)
        report.problems.push({ id: row.id, problem: `size ${row.actual_size} bytes, recorded ${row.size_bytes}` });
      else if (row.actual_sha256 !== row.sha256)
        report.problems.push({
          id: row.id,
          problem: `sha256 mismatch: recorded ${row.sha256}, recomputed ${row.actual_sha256}`,
        });
    }
    after = rows[rows.length - 1].id;
  }
}

export function describeIntegrity(what: string, report: IntegrityReport): string {
  if (report.problems.length === 0) return `${what} OK: ${report.checked} checked, 0 mismatches`;
  return [
    `${what} BROKEN: ${report.checked} checked, ${report.problems.length} mismatch(es)`,
    ...report.problems.map((p) => `  ${p.id}: ${p.problem}`),
  ].join('\n');
}
