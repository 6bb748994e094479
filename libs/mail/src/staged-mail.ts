import type { Language } from '@mesecvi/http';
import type { MailKind } from './outbox-status';
import type { TemplateName, TemplateProps } from './templates/template-props';

export interface MailRecipient {
  address: string;
  name?: string;
  /** The account the mail is for, when there is one (a bare contact address has none). */
  userId?: string;
  /** The role the recipient is addressed in (e.g. `state_focal_point`), for the ledger. */
  role?: string;
}

interface StagedMailBase {
  kind: MailKind;
  /** The recipient's language: their preference, or their state's working language for a bare address. */
  language: Language;
  to: MailRecipient;
  stateCode?: string | null;
  related?: { type: string; id: string };
}

/** A mail to stage; the payload's type follows the template name. */
export type StagedMail = {
  [T in TemplateName]: StagedMailBase & { template: T; payload: TemplateProps[T] };
}[TemplateName];

/** A ledger entry for a notification nobody could receive (see `Outbox.recordSkipped`). */
export interface SkippedMail {
  kind: MailKind;
  template: TemplateName;
  /** The language the mail would have had (for the ledger only). */
  language: Language;
  /** The role nobody holds, e.g. `state_focal_point`. */
  role: string;
  stateCode?: string | null;
  related?: { type: string; id: string };
  /** Why it was skipped, e.g. "no active focal point for HTI"; stored as the row's last error. */
  reason: string;
}

/** A person a notification goes to, as a recipient lookup resolves them at staging time. */
export interface NotifiedPerson {
  address: string;
  name: string | null;
  userId: string | null;
  language: Language;
  /** The role they are addressed in, for the ledger. */
  ledgerRole: string;
}

/** One notification to a group of people: what `Outbox.stageForEach` needs besides the payload. */
export interface GroupMail<T extends TemplateName> {
  kind: MailKind;
  template: T;
  stateCode?: string | null;
  related: { type: string; id: string };
  /** Dedup keys are `${dedupPrefix}:${address}` (and `${dedupPrefix}:nobody` for the skipped row). */
  dedupPrefix: string;
  /** What the ledger records when nobody holds the role. */
  nobody: { language: Language; role: string; reason: string };
}
