import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { Language } from '@mesecvi/http';
import { formatDate, formatDateTime } from './format-date-time';
import { layOut } from './mail-layout';
import type { MailTemplate, RenderedMail } from './mail-template';
import { invitationTemplate } from './invitation.template';
import { passwordResetTemplate } from './password-reset.template';
import { deadlineReminderTemplate } from './deadline-reminder.template';
import { deadlineEscalationTemplate } from './deadline-escalation.template';
import { appointmentRequestTemplate } from './appointment-request.template';
import { questionnaireDistributedTemplate } from './questionnaire-distributed.template';
import { extensionDecidedTemplate } from './extension-decided.template';
import { submissionReceivedTemplate } from './submission-received.template';
import { clarificationRequestedTemplate } from './clarification-requested.template';
import { weeklyDigestTemplate } from './weekly-digest.template';
import { preliminaryReportTemplate } from './preliminary-report.template';
import { mailFailedTemplate } from './mail-failed.template';
import { rapporteurNoticeTemplate } from './rapporteur-notice.template';
import type { TemplateName, TemplateProps } from './template-props';

/** Every template, typed by name so a payload's type follows the template it is staged for. */
export const MAIL_TEMPLATES: { readonly [T in TemplateName]: MailTemplate<TemplateProps[T]> } = {
  invitation: invitationTemplate,
  mail_failed: mailFailedTemplate,
  questionnaire_distributed: questionnaireDistributedTemplate,
  extension_decided: extensionDecidedTemplate,
  submission_received: submissionReceivedTemplate,
  clarification_requested: clarificationRequestedTemplate,
  password_reset: passwordResetTemplate,
  deadline_reminder: deadlineReminderTemplate,
  deadline_escalation: deadlineEscalationTemplate,
  appointment_request: appointmentRequestTemplate,
  weekly_digest: weeklyDigestTemplate,
  preliminary_report: preliminaryReportTemplate,
  rapporteur_notice: rapporteurNoticeTemplate,
};

/** A mail that cannot be rendered as staged: retrying will not help. */
export class MailRenderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MailRenderError';
  }
}

const ajv = new Ajv({ strict: true, allErrors: true });
addFormats(ajv);
const validators = new WeakMap<object, ValidateFunction>();

export function isTemplateName(name: string): name is TemplateName {
  return Object.prototype.hasOwnProperty.call(MAIL_TEMPLATES, name);
}

/** Checks props against the template's schema (compiled once per template). */
export function checkProps<P>(template: MailTemplate<P>, props: unknown): P {
  let validate = validators.get(template);
  if (!validate) {
    validate = ajv.compile(template.propsSchema);
    validators.set(template, validate);
  }
  if (!validate(props)) {
    const problems = (validate.errors ?? [])
      .map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`)
      .join('; ');
    throw new MailRenderError(`invalid mail payload: ${problems}`);
  }
  return props as P;
}

export interface RenderOptions {
  /** The mechanism's time zone: dates in mails are shown there. */
  timeZone: string;
}

/** Renders a template in a language, falling back to English when the template lacks it. */
export function renderTemplate<P>(
  template: MailTemplate<P>,
  props: unknown,
  language: Language,
  options: RenderOptions,
): RenderedMail {
  const checked = checkProps(template, props);
  const copyFn = template.copies[language];
  const used: Language = copyFn ? language : 'en';
  const copy = (copyFn ?? template.copies.en)(checked, {
    dateTime: (iso) => formatDateTime(iso, used, options.timeZone),
    date: (d) => formatDate(d, used),
  });
  try {
    return { ...layOut(copy, used), language: used };
  } catch (e) {
    throw new MailRenderError(e instanceof Error ? e.message : String(e));
  }
}

/** Renders a staged row: its template name and payload come from the database, so both are checked. */
export function renderMail(
  template: string,
  payload: unknown,
  language: Language,
  options: RenderOptions,
): RenderedMail {
  if (!isTemplateName(template)) throw new MailRenderError(`unknown mail template "${template}"`);
  return renderTemplate<unknown>(MAIL_TEMPLATES[template] as MailTemplate<unknown>, payload, language, options);
}

/** Props of a template that must not stay in the ledger once the mail is sent. */
export function sensitivePropsOf(template: string): string[] {
  return isTemplateName(template) ? [...MAIL_TEMPLATES[template].sensitiveProps] : [];
}
