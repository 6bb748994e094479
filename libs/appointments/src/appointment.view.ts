import type { Language } from '@mesecvi/http';
import type { AppointmentProposal } from './appointment-proposal.entity';
import type { Appointment } from './appointment.entity';
import type {
  AppointmentEndReason,
  AppointmentKind,
  AppointmentStatus,
  ProposalStatus,
} from './appointment-vocabulary';
import { isoDate } from './calendar';

export interface PersonView {
  name: string;
  email: string;
  language: Language | null;
}

export interface AppointmentView {
  id: string;
  stateCode: string;
  kind: AppointmentKind;
  person: PersonView;
  cvReference: string | null;
  notification: { noteReference: string; receivedOn: string };
  termStart: string;
  termEnd: string | null;
  status: AppointmentStatus;
  endReason: AppointmentEndReason | null;
  replacesId: string | null;
  userId: string | null;
  proposalId: string | null;
  recordedBy: string;
  recordedAt: string;
  endedAt: string | null;
}

export function toAppointmentView(a: Appointment): AppointmentView {
  return {
    id: a.id,
    stateCode: a.stateCode,
    kind: a.kind,
    person: { name: a.personName, email: a.personEmail, language: a.personLanguage },
    cvReference: a.cvReference,
    notification: { noteReference: a.noteReference, receivedOn: isoDate(a.notifiedOn) },
    termStart: isoDate(a.termStart),
    termEnd: a.termEnd ? isoDate(a.termEnd) : null,
    status: a.status,
    endReason: a.endReason,
    replacesId: a.replacesId,
    userId: a.userId,
    proposalId: a.proposalId,
    recordedBy: a.recordedBy,
    recordedAt: a.recordedAt.toISOString(),
    endedAt: a.endedAt ? a.endedAt.toISOString() : null,
  };
}

export interface ProposalView {
  id: string;
  stateCode: string;
  kind: AppointmentKind;
  person: PersonView;
  cvReference: string | null;
  noteReference: string;
  termStart: string | null;
  status: ProposalStatus;
  proposedBy: string;
  proposedAt: string;
  decidedAt: string | null;
}

export function toProposalView(p: AppointmentProposal): ProposalView {
  return {
    id: p.id,
    stateCode: p.stateCode,
    kind: p.kind,
    person: { name: p.personName, email: p.personEmail, language: p.personLanguage },
    cvReference: p.cvReference,
    noteReference: p.noteReference,
    termStart: p.termStart ? isoDate(p.termStart) : null,
    status: p.status,
    proposedBy: p.proposedBy,
    proposedAt: p.proposedAt.toISOString(),
    decidedAt: p.decidedAt ? p.decidedAt.toISOString() : null,
  };
}
