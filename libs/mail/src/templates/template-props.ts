/** Props of each template. Callers fill them in `StagedMail.payload`; dates are ISO 8601 strings. */
export interface InvitationProps {
  recipientName: string;
  /** The role as the recipient should read it, already in the mail's language. */
  roleLabel: string;
  /** The state the role acts for, in the mail's language; null for roles not bound to a state. */
  stateName: string | null;
  link: string;
  /** ISO 8601 instant; the mail shows it in the mechanism's time zone. */
  expiresAt: string;
}

export interface PasswordResetProps {
  recipientName: string;
  link: string;
  expiresAt: string;
}

/** Shared by deadline mails; the deadline is a calendar date ending in the mechanism's time zone. */
interface DeadlineMailProps {
  /** The account holder's name; null for a bare contact address (a permanent mission). */
  recipientName: string | null;
  /** The state's name in the mail's language. */
  stateName: string;
  /** e.g. `response`, `observations`, `ad_hoc` (libs/deadlines' vocabulary). */
  deadlineKind: string;
  /** What is due, for ad-hoc deadlines; null for the mechanism's own kinds. */
  title: string | null;
  /** YYYY-MM-DD: due at the end of that day in `timeZone`. */
  dueDate: string;
  timeZone: string;
  link: string;
}

export interface DeadlineReminderProps extends DeadlineMailProps {
  /** Days from the reminder's day to the due date: 7 = in a week, 0 = today, −3 = three days late. */
  daysLeft: number;
  /** To a permanent mission standing in for a missing focal point: the page on how to designate one. */
  designateFocalPointUrl?: string;
}

export interface DeadlineEscalationProps extends DeadlineMailProps {
  stateCode: string;
  daysLate: number;
}

/** The secretariat's request to a state to appoint or confirm seats (libs/appointments). */
export interface AppointmentRequestProps {
  /** The focal point's name; null for a bare contact address (the permanent mission, the CNA). */
  recipientName: string | null;
  stateName: string;
  kinds: Array<'titular' | 'alternate' | 'focal_point'>;
  /** YYYY-MM-DD. */
  replyDate: string;
  /** The secretariat's own words; may be empty. */
  message: string;
  /** True on a re-send: the subject says it is a reminder. */
  resent: boolean;
}

export interface QuestionnaireDistributedProps {
  recipientName: string;
  roundName: string;
  /** The state's name in the mail's language. */
  stateName: string;
  /** YYYY-MM-DD, due at the end of that day in the mechanism's time zone. */
  dueDate: string;
  link: string;
  /** To a permanent mission standing in for a missing focal point: the page on how to designate one. */
  designateFocalPointUrl?: string;
}

export interface ExtensionDecidedProps {
  recipientName: string;
  roundName: string;
  stateName: string;
  approved: boolean;
  /** The effective due date after the decision. */
  dueDate: string;
  reason: string | null;
  link: string;
}

/** To the secretariat when a state's answers are submitted (or recorded on its behalf). */
export interface SubmissionReceivedProps {
  recipientName: string;
  roundName: string;
  stateName: string;
  versionNumber: number;
  /** ISO 8601 instant. */
  submittedAt: string;
  onTime: boolean;
  daysLate: number;
  /** How the answers reached the secretariat when it recorded them for the state; null when the state submitted. */
  onBehalf: 'diplomatic_note' | 'email' | null;
  sha256: string;
  link: string;
}

/** To a state's focal point and contributors when their submitted answers need clarifying (libs/submissions). */
export interface ClarificationRequestedProps {
  recipientName: string;
  roundName: string;
  stateName: string;
  /** The submitted version the request is about. */
  versionNumber: number;
  /** The request as written by the secretariat or the rapporteurs. */
  message: string;
  /** YYYY-MM-DD, or null when the request sets no date. */
  dueDate: string | null;
  link: string;
}

/** The secretariat's weekly compliance digest (libs/compliance); lists are capped, `more…` counts the rest. */
export interface WeeklyDigestProps {
  recipientName: string;
  /** YYYY-MM-DD: the digest's day in the mechanism's time zone. */
  weekOf: string;
  overdue: Array<{
    roundName: string;
    states: Array<{ stateCode: string; stateName: string; daysOverdue: number }>;
    moreStates: number;
  }>;
  upcoming: Array<{
    stateCode: string;
    stateName: string;
    deadlineKind: string;
    title: string | null;
    dueDate: string;
  }>;
  moreUpcoming: number;
  /** Passed, uncompleted deadlines other than a round's answers (appointment replies, ad-hoc), listed by kind. */
  overdueDeadlines?: Array<{
    stateCode: string;
    stateName: string;
    deadlineKind: string;
    /** An ad-hoc deadline's title in the reader's language; null for the mechanism's own kinds. */
    title: string | null;
    dueDate: string;
    daysOverdue: number;
  }>;
  /** Mails that failed since `since` (the previous digest's moment); `items` lists at most 20. */
  failedMails: {
    count: number;
    since: string;
    items: Array<{ kind: string; recipient: string | null; stateCode: string | null; lastError: string | null }>;
  };
  link: string;
}

/** To a state's focal point when the committee sends its preliminary country report (libs/reports). */
export interface PreliminaryReportProps {
  recipientName: string;
  roundName: string;
  stateName: string;
  recommendations: number;
  /** YYYY-MM-DD: observations are due at the end of that day in the mechanism's time zone. */
  dueDate: string;
  link: string;
}

export interface MailFailedProps {
  recipientName: string;
  failedKind: string;
  failedRecipient: string;
  stateCode: string | null;
  lastError: string;
  attempts: number;
  ledgerLink: string;
}

/** Template name → props. Adding a template adds a line here and one in the registry. */
/** To a rapporteur about an evaluation she reviews. */
export interface RapporteurNoticeProps {
  recipientName: string;
  event: 'assigned' | 'clarification_answered' | 'observations_received';
  roundName: string;
  /** The evaluated state's name in the mail's language. */
  stateName: string;
  /** The state's new version, for `clarification_answered`; else null. */
  versionNumber: number | null;
  link: string;
  /** YYYY-MM-DD, when the review has a due date: the assignment mail says when it is due. */
  reviewDueDate?: string | null;
  /** The time zone whose day end the review is due at (with `reviewDueDate`). */
  timeZone?: string | null;
}

export interface TemplateProps {
  rapporteur_notice: RapporteurNoticeProps;
  mail_failed: MailFailedProps;
  preliminary_report: PreliminaryReportProps;
  questionnaire_distributed: QuestionnaireDistributedProps;
  extension_decided: ExtensionDecidedProps;
  submission_received: SubmissionReceivedProps;
  clarification_requested: ClarificationRequestedProps;
  invitation: InvitationProps;
  password_reset: PasswordResetProps;
  deadline_reminder: DeadlineReminderProps;
  deadline_escalation: DeadlineEscalationProps;
  appointment_request: AppointmentRequestProps;
  weekly_digest: WeeklyDigestProps;
}

export type TemplateName = keyof TemplateProps;
