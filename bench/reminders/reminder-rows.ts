// Bench data, written with plain SQL (the engine under test is what reads it): background
// reminder rows of past and future ladders, and batches of due reminders of fresh deadlines.
import type { DataSource } from 'typeorm';

export const BENCH_STATES = ['ARG', 'BRA', 'HTI', 'CHL', 'PER'];

/** A focal point per state, so each due reminder has one recipient. */
export async function createFocalPoints(ds: DataSource): Promise<void> {
  for (const code of BENCH_STATES) {
    await ds.query(
      `INSERT INTO user_account (email, name, role, state_code, status, created_at, updated_at) VALUES ($1, $2, 'state_focal_point', $3, 'active', now(), now())`,
      [`focal.${code.toLowerCase()}@bench.test`, `Focal ${code}`, code],
    );
  }
}

/**
 * Grows the reminder table to `total` rows: the history of one long-lived deadline (versions ×
 * the ladder's rules and roles), nine in ten already sent, one in ten planned for next year
 * (so the partial index of unsent rows grows with the table too).
 */
export async function growBackground(ds: DataSource, total: number): Promise<void> {
  const [{ n }] = (await ds.query(`SELECT count(*)::int AS n FROM reminder`)) as Array<{ n: number }>;
  if (n >= total) return;
  const [{ id: deadlineId }] = (await ds.query(
    `INSERT INTO deadline (kind, subject_type, subject_id, state_code, title, due_date, time_zone, due_at, version, created_at, updated_at)
     VALUES ('ad_hoc', 'bench', gen_random_uuid()::text, 'ARG', 'Background', '2099-12-31', 'America/New_York', '2100-01-01T05:00:00Z', 1000000, now(), now()) RETURNING id`,
  )) as Array<{ id: string }>;
  await ds.query(
    `INSERT INTO reminder (deadline_id, deadline_version, rule_id, recipient_role, planned_at, status, created_at, updated_at)
     SELECT $1, (g / combos.n) + 1, combos.rule_id, combos.role,
            CASE WHEN g % 10 = 0 THEN now() + interval '365 days' + (g % 1000) * interval '1 minute' ELSE now() - interval '400 days' END,
            CASE WHEN g % 10 = 0 THEN 'planned' ELSE 'queued' END, now(), now()
       FROM generate_series(0, $2 - 1) AS g
       JOIN LATERAL (
         SELECT rr.id AS rule_id, role, count(*) OVER () AS n, row_number() OVER (ORDER BY rr.offset_days, role) - 1 AS k
           FROM reminder_rule rr, unnest(rr.recipient_roles) AS role
          WHERE rr.deadline_kind = 'ad_hoc' AND rr.retired_at IS NULL
       ) AS combos ON combos.k = g % combos.n`,
    [deadlineId, total - n],
  );
  await ds.query('ANALYZE reminder');
}

/** `count` fresh deadlines due tomorrow, each with its −1d focal-point reminder due a minute ago. */
export async function insertDue(ds: DataSource, count: number): Promise<void> {
  await ds.query(
    `WITH d AS (
       INSERT INTO deadline (kind, subject_type, subject_id, state_code, title, due_date, time_zone, due_at, created_at, updated_at)
       SELECT 'ad_hoc', 'bench', gen_random_uuid()::text, ($2::text[])[1 + g % 5], 'Bench item', (now() + interval '1 day')::date, 'America/New_York', now() + interval '2 days', now(), now()
         FROM generate_series(1, $1) AS g
       RETURNING id
     )
     INSERT INTO reminder (deadline_id, deadline_version, rule_id, recipient_role, planned_at, status, created_at, updated_at)
     SELECT d.id, 1, (SELECT id FROM reminder_rule WHERE deadline_kind = 'ad_hoc' AND offset_days = -1 AND retired_at IS NULL), 'focal_point', now() - interval '1 minute', 'planned', now(), now()
       FROM d`,
    [count, BENCH_STATES],
  );
}
