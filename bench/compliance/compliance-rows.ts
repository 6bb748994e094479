// Synthetic history for the compliance benchmark: `states` states parties (the 32 real ones plus
// made-up codes in the bench's own database) × `rounds` rounds, each evaluation with its response
// deadline, ~85% answered (a third of them late) with an 8 KB answers document, a reminder ladder,
// some extensions and clarifications. Written with set-based SQL: seconds, not minutes.
import type { DataSource } from 'typeorm';

export interface ComplianceSeed {
  states: number;
  rounds: number;
}

export async function seedCompliance(
  ds: DataSource,
  seed: ComplianceSeed,
  questionnaireId: string,
): Promise<{ latestRoundId: string }> {
  const real: Array<{ n: number }> = await ds.query(`SELECT count(*)::int AS n FROM state_party`);
  const extra = Math.max(0, seed.states - real[0].n);
  // Codes 'ZAA', 'ZAB', … : no state party's code starts with Z.
  await ds.query(
    `INSERT INTO state_party (code, name_en, name_es, name_fr, name_pt, working_language)
     SELECT 'Z' || chr(65 + i / 26) || chr(65 + i % 26), 'Bench state ' || i, 'Estado ' || i, 'État ' || i, 'Estado ' || i, 'es'
       FROM generate_series(0, $1 - 1) AS i`,
    [extra],
  );
  await ds.query(
    `INSERT INTO round (kind, name, number, phase, questionnaire_version_id, response_due_date, created_at, updated_at)
     SELECT 'evaluation', 'Bench round ' || n, n, CASE WHEN n = $1 THEN 'open_for_responses' ELSE 'closed' END, $2,
            DATE '2020-01-31' + n * 120, TIMESTAMPTZ '2020-01-01' + n * INTERVAL '120 days', now()
       FROM generate_series(1, $1) AS n`,
    [seed.rounds, questionnaireId],
  );
  const codes = `(SELECT code FROM state_party ORDER BY code LIMIT ${seed.states})`;
  await ds.query(
    `INSERT INTO state_evaluation (round_id, state_code, questionnaire_version_id, status, distributed_at, updated_at)
     SELECT r.id, s.code, $1, 'invited', r.created_at, r.created_at FROM round r CROSS JOIN ${codes} s`,
    [questionnaireId],
  );
  await ds.query(
    `WITH d AS (
       INSERT INTO deadline (kind, subject_type, subject_id, state_code, due_date, time_zone, due_at, version, status, created_at, updated_at)
       SELECT 'response', 'state_evaluation', e.id::text, e.state_code, r.response_due_date + (CASE WHEN hashtext(e.id::text) % 10 = 0 THEN 14 ELSE 0 END),
              'America/New_York', (r.response_due_date + 1)::timestamp AT TIME ZONE 'America/New_York',
              CASE WHEN hashtext(e.id::text) % 10 = 0 THEN 2 ELSE 1 END, 'open', e.distributed_at, e.distributed_at
         FROM state_evaluation e JOIN round r ON r.id = e.round_id
       RETURNING id, subject_id)
     UPDATE state_evaluation e SET response_deadline_id = d.id FROM d WHERE d.subject_id = e.id::text`,
  );
  // An 8 KB answers document per submission: the dashboard must never read it.
  await ds.query(
    `INSERT INTO submission (evaluation_id, version_number, event, questionnaire_version_id, validator_version, canonical_json, sha256, submitted_by, submitted_by_role, submitted_at, due_date, on_time, days_late)
     SELECT e.id, 1, 'submit', $1, 'bench', (SELECT string_agg(md5(e.id::text || g), '') FROM generate_series(1, 256) g), md5(e.id::text) || md5(e.state_code),
            gen_random_uuid(), 'state_focal_point', (d.due_date + lag.days)::timestamp AT TIME ZONE 'America/New_York' + INTERVAL '15 hours',
            d.due_date, lag.days <= 0, GREATEST(lag.days, 0)
       FROM state_evaluation e JOIN deadline d ON d.id = e.response_deadline_id
       CROSS JOIN LATERAL (SELECT (abs(hashtext(e.id::text || 'lag')) % 30) - 20 AS days) lag
      WHERE abs(hashtext(e.id::text)) % 100 < 85`,
    [questionnaireId],
  );
  await ds.query(
    `UPDATE state_evaluation e SET status = 'submitted' WHERE EXISTS (SELECT 1 FROM submission s WHERE s.evaluation_id = e.id)`,
  );
  await ds.query(
    `INSERT INTO reminder (deadline_id, deadline_version, rule_id, recipient_role, planned_at, status, processed_at, created_at, updated_at)
     SELECT d.id, d.version, rr.id, 'focal_point', (d.due_date + rr.offset_days)::timestamp AT TIME ZONE 'America/New_York' + INTERVAL '9 hours',
            'queued', (d.due_date + rr.offset_days)::timestamp AT TIME ZONE 'America/New_York' + INTERVAL '9 hours', d.created_at, d.created_at
       FROM deadline d CROSS JOIN reminder_rule rr WHERE rr.deadline_kind = 'response' AND rr.retired_at IS NULL
      ORDER BY d.id, rr.offset_days`, // a deadline's ladder is written in one transaction: its rows sit together
  );
  await ds.query(
    `INSERT INTO extension_request (evaluation_id, requested_date, justification, requested_by, requested_at, status, granted_date, decided_at)
     SELECT e.id, d.due_date, 'bench', gen_random_uuid(), e.distributed_at, 'approved', d.due_date, e.distributed_at
       FROM state_evaluation e JOIN deadline d ON d.id = e.response_deadline_id WHERE d.version = 2`,
  );
  await ds.query(
    `INSERT INTO clarification_request (evaluation_id, message, from_status, based_on_submission_id, requested_by, requested_at)
     SELECT s.evaluation_id, 'bench', 'submitted', s.id, gen_random_uuid(), s.submitted_at FROM submission s WHERE abs(hashtext(s.id::text)) % 20 = 0`,
  );
  // A live database is vacuumed by autovacuum; the seed rewrote every row several times in seconds.
  await ds.query(`VACUUM ANALYZE`);
  const [latest]: Array<{ id: string }> = await ds.query(`SELECT id FROM round ORDER BY number DESC LIMIT 1`);
  return { latestRoundId: latest.id };
}
