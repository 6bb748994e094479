import type { CommitteeOffice } from './committee-office.entity';
import type { CommitteeOfficeName, ElectionMethod, OfficeStatus } from './appointment-vocabulary';
import { isoDate } from './calendar';

export interface CommitteeOfficeView {
  id: string;
  office: CommitteeOfficeName;
  appointmentId: string;
  expertUserId: string;
  expertName: string | null;
  stateCode: string | null;
  method: ElectionMethod;
  votes: { for: number; against: number; abstentions: number } | null;
  termStart: string;
  termEnd: string;
  status: OfficeStatus;
  endedOn: string | null;
  recordedAt: string;
}

export function toOfficeView(o: CommitteeOffice): CommitteeOfficeView {
  return {
    id: o.id,
    office: o.office,
    appointmentId: o.appointmentId,
    expertUserId: o.expertUserId,
    expertName: o.appointment?.personName ?? null,
    stateCode: o.appointment?.stateCode ?? null,
    method: o.method,
    votes:
      o.method === 'vote'
        ? { for: o.votesFor ?? 0, against: o.votesAgainst ?? 0, abstentions: o.abstentions ?? 0 }
        : null,
    termStart: isoDate(o.termStart),
    termEnd: isoDate(o.termEnd),
    status: o.status,
    endedOn: o.endedOn ? isoDate(o.endedOn) : null,
    recordedAt: o.recordedAt.toISOString(),
  };
}
