export { Appointment } from './appointment.entity';
export { AppointmentProposal } from './appointment-proposal.entity';
export { AppointmentRequest } from './appointment-request.entity';
export { AppointmentRequestTarget } from './appointment-request-target.entity';
export { CommitteeOffice } from './committee-office.entity';
export { ConflictDeclaration } from './conflict-declaration.entity';
export {
  APPOINTMENT_KINDS,
  APPOINTMENT_STATUSES,
  COMMITTEE_OFFICES,
  ELECTION_METHODS,
  EXPERT_KINDS,
  OFFICE_TERM_YEARS,
  type AppointmentKind,
  type AppointmentStatus,
  type CommitteeOfficeName,
  type ElectionMethod,
} from './appointment-vocabulary';
export type {
  RecordAppointmentInput,
  ProposeAppointmentInput,
  OpenRequestInput,
  ElectOfficerInput,
  DeclareConflictInput,
  PersonInput,
} from './appointment-inputs';
export { AppointmentsModule } from './appointments.module';
export { AppointmentsService } from './appointments.service';
export { AppointmentRequests } from './appointment-requests.service';
export { AppointmentProposals } from './appointment-proposals.service';
export { CommitteeOffices, type OfficersView } from './committee-offices.service';
export { CommitteeRoster, csvCell, type RosterMember, type PendingSeat } from './committee-roster.service';
export { ConflictDeclarations, type ConflictDeclarationView } from './conflict-declarations.service';
/** For the reviews library: `excludedStates(expertUserId)` = appointing state ∪ declared conflicts. */
export { CommitteeStandingService } from './committee-standing.service';
export {
  toAppointmentView,
  toProposalView,
  type AppointmentView,
  type ProposalView,
  type PersonView,
} from './appointment.view';
export type { AppointmentRequestView, RequestTargetView } from './appointment-request.view';
export type { CommitteeOfficeView } from './committee-office.view';
export { APPOINTMENT_RULES } from './appointment-rule-catalogue';
