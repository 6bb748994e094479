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

/** Template name → props. Adding a template adds a line here and one in the registry. */
export interface TemplateProps {
  invitation: InvitationProps;
  password_reset: PasswordResetProps;
}

export type TemplateName = keyof TemplateProps;
