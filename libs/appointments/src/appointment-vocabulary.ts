/**
 * The words of appointments and the Committee of Experts. One file, so the entities'
 * check constraints, the API schemas and the services agree.
 */
import { COMMITTEE_OFFICES, type CommitteeOfficeName } from '@mesecvi/policy';

/** A state's seats: its expert (titular), the expert's alternate, and its CNA focal point. */
export const APPOINTMENT_KINDS = ['titular', 'alternate', 'focal_point'] as const;
export type AppointmentKind = (typeof APPOINTMENT_KINDS)[number];
/** Kinds that sit on the Committee of Experts (an ExpertAppointment). */
export const EXPERT_KINDS: readonly AppointmentKind[] = ['titular', 'alternate'];

export const APPOINTMENT_STATUSES = ['active', 'ended', 'withdrawn'] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];

/** Why an appointment is no longer active. */
export const APPOINTMENT_END_REASONS = ['replaced', 'term_end', 'withdrawn'] as const;
export type AppointmentEndReason = (typeof APPOINTMENT_END_REASONS)[number];

export const PROPOSAL_STATUSES = ['proposed', 'confirmed', 'rejected'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

export const REQUEST_TARGET_STATUSES = ['pending', 'answered', 'declined'] as const;
export type RequestTargetStatus = (typeof REQUEST_TARGET_STATUSES)[number];

export { COMMITTEE_OFFICES, type CommitteeOfficeName };
export const ELECTION_METHODS = ['consensus', 'vote'] as const;
export type ElectionMethod = (typeof ELECTION_METHODS)[number];
export const OFFICE_STATUSES = ['current', 'ended'] as const;
export type OfficeStatus = (typeof OFFICE_STATUSES)[number];

/** An officer's term (statute: two years) and how many consecutive terms one person may hold. */
export const OFFICE_TERM_YEARS = 2;
export const MAX_CONSECUTIVE_TERMS = 2;

/** The deadline kind (libs/deadlines) of a state's reply to an appointment request. */
export const APPOINTMENT_REPLY_DEADLINE = 'appointment_reply' as const;
/** The deadline kind whose passing ends an appointment's term (a timer without reminders). */
export const APPOINTMENT_END_DEADLINE = 'appointment_end' as const;
/** The deadline subject types this library owns. */
export const REQUEST_TARGET_SUBJECT = 'appointment_request_target';
export const APPOINTMENT_SUBJECT = 'appointment';

export const sqlList = (values: readonly string[]): string => values.map((v) => `'${v}'`).join(', ');
