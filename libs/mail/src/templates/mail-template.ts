import type { SchemaObject } from 'ajv';
import type { Language } from '@mesecvi/http';

/**
 * What one language's version of a mail says, as plain text. Copies never write HTML: the
 * layout escapes every string and builds both the HTML and the text part from this.
 */
export interface MailCopy {
  subject: string;
  greeting: string;
  paragraphs: string[];
  action?: { label: string; url: string };
  /** Paragraphs after the action (e.g. "if you did not ask for this…"). */
  after?: string[];
}

export interface CopyHelpers {
  /** An ISO instant as a readable date and time in the mail's language and the mechanism's time zone. */
  dateTime(iso: string): string;
  /** A calendar date (YYYY-MM-DD) as the mail's language writes it, e.g. "15 de marzo de 2026". */
  date(isoDate: string): string;
}

export type CopyFn<P> = (props: P, helpers: CopyHelpers) => MailCopy;

/** English is required: it is the fallback for any language a template does not have yet. */
export type TemplateCopies<P> = { en: CopyFn<P> } & Partial<Record<Exclude<Language, 'en'>, CopyFn<P>>>;

export interface MailTemplate<P> {
  /**
   * Checked when a mail is staged (a bad payload fails the caller's transaction) and again when
   * rendered. A plain schema: Ajv's JSONSchemaType cannot express a required `string | null`.
   */
  propsSchema: SchemaObject;
  /** Props that carry secrets (links with tokens); removed from the ledger row once the mail is sent. */
  sensitiveProps: ReadonlyArray<keyof P & string>;
  copies: TemplateCopies<P>;
}

export interface RenderedMail {
  subject: string;
  html: string;
  text: string;
  /** The language actually used: the requested one, or English when the template lacks it. */
  language: Language;
}
