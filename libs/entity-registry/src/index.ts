import { ClockOffset } from '@mesecvi/clock';
import { WorkerHeartbeat } from '@mesecvi/jobs';
import type { EntityList } from '@mesecvi/database';
import { AuditEvent } from '@mesecvi/audit';
import { StateContact, StateParty } from '@mesecvi/states';
import { AccountToken, RefreshToken, UserAccount } from '@mesecvi/accounts';
import { OutboxMessage } from '@mesecvi/mail';
import { Deadline, DeadlineVersion, Reminder, ReminderRule } from '@mesecvi/deadlines';
import {
  Appointment,
  AppointmentProposal,
  AppointmentRequest,
  AppointmentRequestTarget,
  CommitteeOffice,
  ConflictDeclaration,
} from '@mesecvi/appointments';
import { QuestionnaireVersion } from '@mesecvi/questionnaires';
import { AnswerDraft, CalendarFeed, ExtensionRequest, Round, StateEvaluation } from '@mesecvi/rounds';
import {
  AnswerItemEdit,
  ClarificationRequest,
  EvidenceAttachment,
  EvidenceAttachmentContent,
  Submission,
  SubmissionIdempotency,
} from '@mesecvi/submissions';
import { RapporteurAssignment, ReviewComment } from '@mesecvi/reviews';
import { FollowUpItem, Recommendation, RecommendationRating } from '@mesecvi/recommendations';
import { CountryReport, CountryReportCorrigendum, DocumentSymbolCounter, ReportObservation } from '@mesecvi/reports';
import { EvaluationCompliance, EvaluationCompliancePending, RoundCompliance } from '@mesecvi/compliance';
import { HemisphericReport } from '@mesecvi/mechanism-reports';

/**
 * Every persisted entity of the platform, in one list. The api, the worker, the migration CLI
 * and the drift test all use it, so an entity cannot be known to one and missing from another.
 */
export const ALL_ENTITIES: EntityList = [
  ClockOffset,
  WorkerHeartbeat,
  StateParty,
  StateContact,
  UserAccount,
  RefreshToken,
  AccountToken,
  AuditEvent,
  OutboxMessage,
  Deadline,
  DeadlineVersion,
  ReminderRule,
  Reminder,
  Round,
  StateEvaluation,
  AnswerDraft,
  ExtensionRequest,
  CalendarFeed,
  AppointmentProposal,
  Appointment,
  AppointmentRequest,
  AppointmentRequestTarget,
  CommitteeOffice,
  ConflictDeclaration,
  QuestionnaireVersion,
  Submission,
  AnswerItemEdit,
  EvidenceAttachment,
  EvidenceAttachmentContent,
  SubmissionIdempotency,
  ClarificationRequest,
  RapporteurAssignment,
  ReviewComment,
  Recommendation,
  RecommendationRating,
  FollowUpItem,
  CountryReport,
  ReportObservation,
  CountryReportCorrigendum,
  DocumentSymbolCounter,
  HemisphericReport,
  EvaluationCompliance,
  EvaluationCompliancePending,
  RoundCompliance,
];
