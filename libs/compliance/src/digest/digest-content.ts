import type { EntityManager } from 'typeorm';
import { addDays, dueInstant, localDate, titleIn, type TitleTranslations } from '@mesecvi/deadlines';
import type { Language } from '@mesecvi/http';
import type { WeeklyDigestProps } from '@mesecvi/mail';

const MAX_STATES_PER_ROUND = 100;
const MAX_UPCOMING = 100;
const MAX_OVERDUE_DEADLINES = 100;
const MAX_FAILED_LISTED = 20;
const UPCOMING_DAYS = 14;

type Names = Record<`name_${Language}`, string>;

interface OverdueRow extends Names {
  round_id: string;
  round_name: string;
  state_code: string;
  days_overdue: number;
}

interface UpcomingRow extends Names {
  state_code: string;
  kind: string;
  title: string | null;
  title_translations: TitleTranslations | null;
  due_date: string;
}

interface OverdueDeadlineRow extends Names {
  state_code: string;
  kind: string;
  title: string | null;
  title_translations: TitleTranslations | null;
  due_date: string;
  days_overdue: number;
}

interface FailedRow {
  kind: string;
  recipient_address: string | null;
  state_code: string | null;
  last_error: string | null;
}

/** What the digest reports, read once and rendered per recipient's language. */
export interface DigestFacts {
  overdue: OverdueRow[];
  overdueDeadlines: OverdueDeadlineRow[];
  upcoming: UpcomingRow[];
  failedCount: number;
  failed: FailedRow[];
}

/**
 * Overdue = an open round's state with no submission whose due day has passed (today in the
 * deadline's zone), and any appointment reply or ad-hoc deadline passed uncompleted; upcoming = open deadlines due from today to 14 days ahead (the indexed due_at);
 * failed = mails marked failed since the previous digest.
 */
export async function readDigestFacts(
  manager: EntityManager,
  now: Date,
  since: Date,
  timeZone: string,
): Promise<DigestFacts> {
  const overdue: OverdueRow[] = await manager.query(
    `SELECT r.id AS round_id, r.name AS round_name, e.state_code, sp.name_en, sp.name_es, sp.name_fr, sp.name_pt,
            (($1::timestamptz AT TIME ZONE d.time_zone)::date - d.due_date) AS days_overdue
       FROM round r
       JOIN state_evaluation e ON e.round_id = r.id
       JOIN deadline d ON d.id = e.response_deadline_id
       JOIN state_party sp ON sp.code = e.state_code
      WHERE r.phase = 'open_for_responses'
        AND d.due_date < ($1::timestamptz AT TIME ZONE d.time_zone)::date
        AND NOT EXISTS (SELECT 1 FROM submission s WHERE s.evaluation_id = e.id)
      ORDER BY r.created_at, r.id, days_overdue DESC, e.state_code`,
    [now],
  );
  // Appointment replies and ad-hoc requests have no round row above: their own passed deadlines.
  const overdueDeadlines: OverdueDeadlineRow[] = await manager.query(
    `SELECT d.state_code, d.kind, d.title, d.title_translations, to_char(d.due_date, 'YYYY-MM-DD') AS due_date,
            sp.name_en, sp.name_es, sp.name_fr, sp.name_pt,
            (($1::timestamptz AT TIME ZONE d.time_zone)::date - d.due_date) AS days_overdue
       FROM deadline d JOIN state_party sp ON sp.code = d.state_code
      WHERE d.kind IN ('appointment_reply', 'ad_hoc') AND d.status IN ('open', 'passed')
        AND d.due_date < ($1::timestamptz AT TIME ZONE d.time_zone)::date
      ORDER BY d.kind, days_overdue DESC, d.state_code
      LIMIT ${MAX_OVERDUE_DEADLINES}`,
    [now],
  );
  const today = localDate(now, timeZone);
  const upcoming: UpcomingRow[] = await manager.query(
    `SELECT d.state_code, d.kind, d.title, d.title_translations, to_char(d.due_date, 'YYYY-MM-DD') AS due_date, sp.name_en, sp.name_es, sp.name_fr, sp.name_pt
       FROM deadline d JOIN state_party sp ON sp.code = d.state_code
      WHERE d.status = 'open' AND d.due_at >= $1 AND d.due_at <= $2
      ORDER BY d.due_date, d.state_code, d.kind
      LIMIT ${MAX_UPCOMING + 1}`,
    [dueInstant(today, timeZone), dueInstant(addDays(today, UPCOMING_DAYS), timeZone)],
  );
  const failedCount: Array<{ n: number }> = await manager.query(
    `SELECT count(*)::int AS n FROM outbox_message WHERE status = 'failed' AND updated_at >= $1`,
    [since],
  );
  const failed: FailedRow[] = await manager.query(
    `SELECT kind, recipient_address, state_code, left(last_error, 500) AS last_error FROM outbox_message
      WHERE status = 'failed' AND updated_at >= $1 ORDER BY updated_at DESC, id LIMIT ${MAX_FAILED_LISTED}`,
    [since],
  );
  return { overdue, overdueDeadlines, upcoming, failedCount: failedCount[0].n, failed };
}

/** The template's props for one recipient: state names in their language, lists capped. */
export function digestProps(
  facts: DigestFacts,
  p: { recipientName: string; language: Language; day: string; since: Date; link: string },
): WeeklyDigestProps {
  const name = (r: Names): string => r[`name_${p.language}`];
  const rounds = new Map<string, WeeklyDigestProps['overdue'][number]>();
  for (const r of facts.overdue) {
    const round = rounds.get(r.round_id) ?? { roundName: r.round_name, states: [], moreStates: 0 };
    if (round.states.length < MAX_STATES_PER_ROUND)
      round.states.push({ stateCode: r.state_code, stateName: name(r), daysOverdue: r.days_overdue });
    else round.moreStates += 1;
    rounds.set(r.round_id, round);
  }
  return {
    recipientName: p.recipientName,
    weekOf: p.day,
    overdue: [...rounds.values()].slice(0, 50),
    upcoming: facts.upcoming.slice(0, MAX_UPCOMING).map((d) => ({
      stateCode: d.state_code,
      stateName: name(d),
      deadlineKind: d.kind,
      title: titleIn(p.language, d.title, d.title_translations),
      dueDate: d.due_date,
    })),
    moreUpcoming: Math.max(0, facts.upcoming.length - MAX_UPCOMING),
    overdueDeadlines: facts.overdueDeadlines.map((d) => ({
      stateCode: d.state_code,
      stateName: name(d),
      deadlineKind: d.kind,
      title: titleIn(p.language, d.title, d.title_translations),
      dueDate: d.due_date,
      daysOverdue: d.days_overdue,
    })),
    failedMails: {
      count: facts.failedCount,
      since: p.since.toISOString(),
      items: facts.failed.map((m) => ({
        kind: m.kind,
        recipient: m.recipient_address,
        stateCode: m.state_code,
        lastError: m.last_error,
      })),
    },
    link: p.link,
  };
}
