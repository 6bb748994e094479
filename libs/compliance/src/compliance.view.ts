import { daysBetween, localDate } from '@mesecvi/deadlines';
import type { Language } from '@mesecvi/http';

/** on_time / late: submitted before / after its due day ended; overdue: not submitted and the due day has passed; pending: neither yet. */
export type Timeliness = 'on_time' | 'late' | 'overdue' | 'pending';
/** Where the state is with the preliminary report's observations (from the evaluation's status). */
export type ObservationsStage = 'awaited' | 'received' | 'overdue' | 'closed' | null;

export interface ComplianceRow {
  evaluationId: string;
  round: { id: string; name: string; kind: string; number: number; phase: string };
  stateCode: string;
  stateName: string;
  status: string;
  timeliness: Timeliness;
  /** The effective response deadline: its current version, after any extension. */
  deadline: { dueDate: string; version: number; status: string } | null;
  extensions: number;
  /** The first submission (version 1): when it arrived and how late, in the mechanism's calendar. */
  submittedAt: string | null;
  daysLate: number | null;
  /** Not submitted: whole days since the due day, counted to the clock's today. */
  daysOverdue: number | null;
  /** Reminders sent (queued to the outbox) for the response deadline before the state submitted. */
  remindersBeforeSubmission: number;
  submissionVersions: number;
  clarifications: { requested: number; open: number };
  observations: ObservationsStage;
}

export interface ComplianceTotals {
  states: number;
  responded: number;
  /** responded / states (0–1, 4 decimals). */
  responseRate: number;
  onTime: number;
  /** Submitted on time / states invited (0–1, 4 decimals). */
  onTimeRate: number;
  late: number;
  overdue: number;
  pending: number;
  /** Over late submissions only (days > 0); null when nobody was late. */
  meanDaysLate: number | null;
  medianDaysLate: number | null;
}

export interface ComplianceDashboard {
  round: { id: string; name: string; kind: string; number: number; phase: string };
  /** The clock's now, and today's date in the mechanism's time zone (what "overdue" counts to). */
  asOf: string;
  today: string;
  /** Shared with other reads of the same round (see RoundView): never changed in place. */
  rows: readonly ComplianceRow[];
  totals: ComplianceTotals;
  /** Failed mails in the whole ledger: non-zero is the secretariat's cue to look at `GET /outbox?status=failed`. */
  alerts: { failedMails: number };
}

export interface ComplianceHistory {
  stateCode: string;
  stateName: string;
  asOf: string;
  rounds: ComplianceRow[];
  totals: ComplianceTotals;
}

/** A row as json_agg returns it (snake_case, timestamps as strings). */
export interface ComplianceSqlRow {
  evaluation_id: string;
  round_id: string;
  round_name: string;
  round_kind: string;
  round_number: number;
  round_phase: string;
  state_code: string;
  name_en: string;
  name_es: string;
  name_fr: string;
  name_pt: string;
  status: string;
  due_date: string | null;
  deadline_version: number | null;
  deadline_status: string | null;
  extensions: number;
  submitted_at: string | null;
  on_time: boolean | null;
  days_late: number | null;
  versions: number;
  days_overdue: number | null;
  reminders_sent: number;
  clarifications: number;
  open_clarifications: number;
}

export interface ComplianceSqlTotals {
  states: number;
  responded: number;
  onTime: number;
  late: number;
  overdue: number;
  meanDaysLate: number | string | null;
  medianDaysLate: number | string | null;
}

const OBSERVATIONS: Readonly<Record<string, ObservationsStage>> = {
  preliminary_report_sent: 'awaited',
  observations_received: 'received',
  observations_overdue: 'overdue',
  final_adopted: 'closed',
  published: 'closed',
};

const round4 = (n: number): number => Math.round(n * 10_000) / 10_000;
const round2 = (n: number | string | null): number | null => (n == null ? null : Math.round(Number(n) * 100) / 100);

export function timelinessOf(r: Pick<ComplianceSqlRow, 'submitted_at' | 'on_time' | 'days_overdue'>): Timeliness {
  if (r.submitted_at) return r.on_time ? 'on_time' : 'late';
  return (r.days_overdue ?? 0) > 0 ? 'overdue' : 'pending';
}

export function toComplianceRow(r: ComplianceSqlRow, language: Language = 'en'): ComplianceRow {
  const submitted = r.submitted_at != null;
  return {
    evaluationId: r.evaluation_id,
    round: { id: r.round_id, name: r.round_name, kind: r.round_kind, number: r.round_number, phase: r.round_phase },
    stateCode: r.state_code,
    stateName: r[`name_${language}`],
    status: r.status,
    timeliness: timelinessOf(r),
    deadline: r.due_date
      ? { dueDate: r.due_date, version: r.deadline_version ?? 1, status: r.deadline_status ?? 'open' }
      : null,
    extensions: r.extensions,
    submittedAt: submitted ? new Date(r.submitted_at as string).toISOString() : null,
    daysLate: submitted ? (r.days_late ?? 0) : null,
    daysOverdue: submitted ? null : (r.days_overdue ?? null),
    remindersBeforeSubmission: r.reminders_sent,
    submissionVersions: r.versions,
    clarifications: { requested: r.clarifications, open: r.open_clarifications },
    observations: OBSERVATIONS[r.status] ?? null,
  };
}

export function toComplianceTotals(t: ComplianceSqlTotals): ComplianceTotals {
  const rate = (n: number): number => (t.states === 0 ? 0 : round4(n / t.states));
  return {
    states: t.states,
    responded: t.responded,
    responseRate: rate(t.responded),
    onTime: t.onTime,
    onTimeRate: rate(t.onTime),
    late: t.late,
    overdue: t.overdue,
    pending: t.states - t.responded - t.overdue,
    meanDaysLate: round2(t.meanDaysLate),
    medianDaysLate: round2(t.medianDaysLate),
  };
}

/**
 * A read-model row's figures by name (the read model stores them as a compact array; the
 * repository, `compliance.repository.ts`, names them when it reads them), with the state's name
 * in the reader's language.
 */
export interface ComplianceDoc {
  evaluationId: string;
  stateCode: string;
  status: string;
  dueDate: string | null;
  deadlineVersion: number | null;
  deadlineStatus: string | null;
  /** The deadline's time zone (days overdue count to today there). */
  timeZone: string | null;
  extensions: number;
  submittedAt: string | null;
  onTime: boolean | null;
  daysLate: number | null;
  remindersSent: number;
  versions: number;
  clarifications: number;
  openClarifications: number;
  stateName: string;
}

/**
 * Days overdue counted from the clock when read: not submitted, with a deadline, whole days from
 * its due day to today in the deadline's time zone (0 before then). Today is computed once per zone.
 */
export function overdueCounter(now: Date): (d: ComplianceDoc) => number | null {
  const todayIn = new Map<string, string>();
  return (d) => {
    if (d.submittedAt !== null || d.dueDate === null) return null;
    const zone = d.timeZone ?? 'UTC';
    let today = todayIn.get(zone);
    if (today === undefined) todayIn.set(zone, (today = localDate(now, zone)));
    return Math.max(0, daysBetween(d.dueDate, today));
  };
}

export function fromComplianceDoc(
  d: ComplianceDoc,
  round: ComplianceRow['round'],
  daysOverdue: number | null,
): ComplianceRow {
  const { evaluationId, stateCode, status, dueDate, deadlineVersion, deadlineStatus, extensions, submittedAt } = d;
  const { onTime, daysLate, remindersSent, versions, clarifications, openClarifications, stateName } = d;
  const submitted = submittedAt !== null;
  return {
    evaluationId,
    round,
    stateCode,
    stateName,
    status,
    timeliness: submitted ? (onTime ? 'on_time' : 'late') : (daysOverdue ?? 0) > 0 ? 'overdue' : 'pending',
    deadline: dueDate ? { dueDate, version: deadlineVersion ?? 1, status: deadlineStatus ?? 'open' } : null,
    extensions,
    submittedAt,
    daysLate: submitted ? (daysLate ?? 0) : null,
    daysOverdue: submitted ? null : daysOverdue,
    remindersBeforeSubmission: remindersSent,
    submissionVersions: versions,
    clarifications: { requested: clarifications, open: openClarifications },
    observations: OBSERVATIONS[status] ?? null,
  };
}

/** The totals the SQL statement computes (count, avg, percentile_cont(0.5)), over read-model rows. */
export function summaryTotals(docs: readonly ComplianceDoc[], overdue: ReadonlyArray<number | null>): ComplianceTotals {
  let responded = 0;
  let onTime = 0;
  let late = 0;
  let overdueCount = 0;
  const lateDays: number[] = [];
  docs.forEach((d, i) => {
    if (d.submittedAt !== null) responded++;
    if (d.onTime === true) onTime++;
    if (d.onTime === false) late++;
    if ((overdue[i] ?? 0) > 0) overdueCount++;
    if (d.daysLate !== null && d.daysLate > 0) lateDays.push(d.daysLate);
  });
  lateDays.sort((a, b) => a - b);
  const mean = lateDays.length === 0 ? null : lateDays.reduce((a, b) => a + b, 0) / lateDays.length;
  let median: number | null = null;
  if (lateDays.length > 0) {
    const at = (lateDays.length - 1) / 2;
    const lo = Math.floor(at);
    median = lateDays[lo] + (lateDays[Math.ceil(at)] - lateDays[lo]) * (at - lo);
  }
  return toComplianceTotals({
    states: docs.length,
    responded,
    onTime,
    late,
    overdue: overdueCount,
    meanDaysLate: mean,
    medianDaysLate: median,
  });
}
