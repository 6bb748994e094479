import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '@mesecvi/clock';
import { APP_CONFIG, type AppConfig } from '@mesecvi/config';
import type { CommitteeOfficeName } from './appointment-vocabulary';
import { daysBetween, isoDate, localDate } from './calendar';

export interface RosterMember {
  appointmentId: string;
  stateCode: string;
  stateName: string;
  kind: 'titular' | 'alternate';
  name: string;
  email: string;
  termStart: string;
  termEnd: string | null;
  offices: CommitteeOfficeName[];
}

/** A state missing its titular expert or its focal point, and for how long. */
export interface PendingSeat {
  stateCode: string;
  stateName: string;
  missing: Array<'titular' | 'focal_point'>;
  /** The oldest pending request asking for a missing seat, else the day the seat became empty. */
  pendingSince: string | null;
  daysPending: number | null;
  openRequestIds: string[];
}

interface RosterRow {
  id: string;
  state_code: string;
  name_en: string;
  kind: 'titular' | 'alternate';
  person_name: string;
  person_email: string;
  term_start: string;
  term_end: string | null;
  offices: CommitteeOfficeName[] | null;
}

interface PendingRow {
  code: string;
  name_en: string;
  has_titular: boolean;
  has_focal_point: boolean;
  titular_request_since: Date | null;
  focal_request_since: Date | null;
  titular_vacant_since: string | null;
  focal_vacant_since: string | null;
  request_ids: string[] | null;
}

const CSV_COLUMNS = ['state_code', 'state', 'seat', 'name', 'email', 'term_start', 'term_end', 'office'] as const;

/** One CSV cell: quoted when needed, and never read as a formula by a spreadsheet. */
export function csvCell(value: string | null): string {
  let v = value ?? '';
  if (/^[=+\-@\t\r]/.test(v)) v = `'${v}`;
  return /[",\r\n']/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** Who sits on the Committee of Experts now, and which states are still missing a seat. */
@Injectable()
export class CommitteeRoster {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async members(): Promise<RosterMember[]> {
    const today = localDate(await this.clock.now(), this.config.mechanism.timeZone);
    const rows: RosterRow[] = await this.dataSource.query(
      `SELECT a.id, a.state_code, s.name_en, a.kind, a.person_name, a.person_email, a.term_start::text AS term_start, a.term_end::text AS term_end,
              (SELECT array_agg(o.office ORDER BY o.office) FROM committee_office o
                WHERE o.appointment_id = a.id AND o.term_start <= $1 AND COALESCE(o.ended_on, o.term_end) > $1) AS offices
         FROM appointment a JOIN state_party s ON s.code = a.state_code
        WHERE a.status = 'active' AND a.kind IN ('titular', 'alternate')
        ORDER BY s.name_en, a.kind DESC`,
      [today],
    );
    return rows.map((r) => ({
      appointmentId: r.id,
      stateCode: r.state_code,
      stateName: r.name_en,
      kind: r.kind,
      name: r.person_name,
      email: r.person_email,
      termStart: isoDate(r.term_start),
      termEnd: r.term_end ? isoDate(r.term_end) : null,
      offices: r.offices ?? [],
    }));
  }

  async csv(): Promise<string> {
    const lines = [CSV_COLUMNS.join(',')];
    for (const m of await this.members()) {
      lines.push(
        [m.stateCode, m.stateName, m.kind, m.name, m.email, m.termStart, m.termEnd, m.offices.join(' ')]
          .map(csvCell)
          .join(','),
      );
    }
    return `${lines.join('\r\n')}\r\n`;
  }

  /** States without an active titular expert or without a focal point, oldest first. */
  async pending(): Promise<PendingSeat[]> {
    const now = await this.clock.now();
    const today = localDate(now, this.config.mechanism.timeZone);
    const rows: PendingRow[] = await this.dataSource.query(
      `SELECT s.code, s.name_en,
              EXISTS (SELECT 1 FROM appointment a WHERE a.state_code = s.code AND a.kind = 'titular' AND a.status = 'active') AS has_titular,
              EXISTS (SELECT 1 FROM user_account u WHERE u.state_code = s.code AND u.role = 'state_focal_point' AND u.status <> 'disabled') AS has_focal_point,
              (SELECT min(r.opened_at) FROM appointment_request_target t JOIN appointment_request r ON r.id = t.request_id
                WHERE t.state_code = s.code AND t.status = 'pending' AND 'titular' = ANY(r.kinds)) AS titular_request_since,
              (SELECT min(r.opened_at) FROM appointment_request_target t JOIN appointment_request r ON r.id = t.request_id
                WHERE t.state_code = s.code AND t.status = 'pending' AND 'focal_point' = ANY(r.kinds)) AS focal_request_since,
              (SELECT max(a.term_end)::text FROM appointment a WHERE a.state_code = s.code AND a.kind = 'titular' AND a.status <> 'active') AS titular_vacant_since,
              (SELECT max(a.term_end)::text FROM appointment a WHERE a.state_code = s.code AND a.kind = 'focal_point' AND a.status <> 'active') AS focal_vacant_since,
              (SELECT array_agg(DISTINCT t.request_id::text) FROM appointment_request_target t WHERE t.state_code = s.code AND t.status = 'pending') AS request_ids
         FROM state_party s
        ORDER BY s.code`,
    );
    const tz = this.config.mechanism.timeZone;
    const seats: PendingSeat[] = [];
    for (const r of rows) {
      const missing: PendingSeat['missing'] = [];
      if (!r.has_titular) missing.push('titular');
      if (!r.has_focal_point) missing.push('focal_point');
      if (missing.length === 0) continue;
      const since = [
        ...(missing.includes('titular')
          ? [r.titular_request_since ? localDate(r.titular_request_since, tz) : r.titular_vacant_since]
          : []),
        ...(missing.includes('focal_point')
          ? [r.focal_request_since ? localDate(r.focal_request_since, tz) : r.focal_vacant_since]
          : []),
      ].filter((d): d is string => d !== null && d <= today);
      const pendingSince = since.length > 0 ? since.sort()[0] : null;
      seats.push({
        stateCode: r.code,
        stateName: r.name_en,
        missing,
        pendingSince,
        daysPending: pendingSince ? daysBetween(pendingSince, today) : null,
        openRequestIds: r.request_ids ?? [],
      });
    }
    return seats.sort(
      (a, b) => (b.daysPending ?? -1) - (a.daysPending ?? -1) || a.stateCode.localeCompare(b.stateCode),
    );
  }
}
