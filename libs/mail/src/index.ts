export { MailModule } from './mail.module';
export { Outbox, InvalidMailError } from './outbox.service';
export { OutboxLedger, type OutboxListFilter } from './outbox-ledger.service';
export { OutboxMessageViewSchema, OutboxPageSchema, type OutboxMessageView, type OutboxPage } from './outbox.schemas';
export { OutboxMessage } from './outbox-message.entity';
export { OUTBOX_STATUSES, MAIL_KINDS, type OutboxStatus, type MailKind } from './outbox-status';
export type { StagedMail, MailRecipient, SkippedMail } from './staged-mail';
export { messageIdFor } from './message-id';
export { retryDelayMs, isPermanentSmtpFailure, describeError, RETRY_CAP_MS } from './retry-policy';
export type {
  TemplateName,
  TemplateProps,
  InvitationProps,
  PasswordResetProps,
  DeadlineReminderProps,
  DeadlineEscalationProps,
  AppointmentRequestProps,
  WeeklyDigestProps,
  RapporteurNoticeProps,
} from './templates/template-props';
export { DEADLINE_KIND_COPY } from './templates/deadline-copy';
export type { MailTemplate, MailCopy, RenderedMail, TemplateCopies } from './templates/mail-template';
export {
  MAIL_TEMPLATES,
  MailRenderError,
  renderMail,
  renderTemplate,
  sensitivePropsOf,
  isTemplateName,
  type RenderOptions,
} from './templates/template-registry';
