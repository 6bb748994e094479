import type { Language } from '@mesecvi/http';
import type { AppointmentKind, CommitteeOfficeName, ElectionMethod } from './appointment-vocabulary';

export interface PersonInput {
  name: string;
  email: string;
  language?: Language | null;
}

/** The secretariat records a state's formal notification of an appointment. */
export interface RecordAppointmentInput {
  stateCode: string;
  kind: AppointmentKind;
  person: PersonInput;
  cvReference?: string | null;
  noteReference: string;
  /** The day the state's note was received. */
  notifiedOn: string;
  termStart: string;
  termEnd?: string | null;
  /** The active appointment of this seat being replaced; omitted when the seat is empty. */
  replacesId?: string | null;
  /** The focal point's proposal this confirms, if any. */
  proposalId?: string | null;
}

export interface ProposeAppointmentInput {
  kind: AppointmentKind;
  person: PersonInput;
  cvReference?: string | null;
  noteReference: string;
  termStart?: string | null;
}

export interface OpenRequestInput {
  /** Omitted: every state party. */
  stateCodes?: string[];
  kinds: AppointmentKind[];
  replyDate: string;
  message?: string;
}

export interface ElectOfficerInput {
  office: CommitteeOfficeName;
  appointmentId: string;
  method: ElectionMethod;
  votesFor?: number | null;
  votesAgainst?: number | null;
  abstentions?: number | null;
  termStart: string;
}

export interface DeclareConflictInput {
  /** Required when the secretariat records it; an expert declares for themselves. */
  expertUserId?: string;
  stateCode: string;
  reason: string;
}
