import { createParamDecorator, type ExecutionContext } from '@nestjs/common';

/**
 * A request body as the api's body parser read it: the parsed value and the JSON text it came
 * from, so a handler that stores the body as sent (a 28 KB draft on every save) need not serialise
 * it again. Kept on the request and handed to the handler explicitly (`@SentBody()`), so it goes
 * when the request does. (An earlier version kept texts in a module-wide WeakMap keyed by the
 * value; the GC traces of the save benchmark showed no measurable difference between the two, but
 * an explicit argument says where the text comes from and cannot outlive its request.)
 */
export interface SentJson {
  value: unknown;
  text: string;
}

const SENT = Symbol('sentJson');

/** Called by the body parser on its plain JSON.parse path (not for bodies the secure parser handled). */
export function rememberJsonText(request: object, value: unknown, text: string): void {
  (request as { [SENT]?: SentJson })[SENT] = { value, text };
}

/** The body of this request as sent, or undefined when another parser read it. */
export function sentJsonOf(request: object): SentJson | undefined {
  return (request as { [SENT]?: SentJson })[SENT];
}

/**
 * The text `value` was parsed from, when `sent` is that very value's record (undefined otherwise:
 * a pipe replaced the body, or it was not parsed from text). Valid only while the value is
 * unmodified: read it before anything changes the body.
 */
export function jsonTextOf(value: unknown, sent: SentJson | undefined): string | undefined {
  return sent !== undefined && sent.value === value ? sent.text : undefined;
}

/** The request body as sent (value and text), for a handler that stores it as it came. */
export const SentBody = createParamDecorator((_: unknown, ctx: ExecutionContext): SentJson | undefined =>
  sentJsonOf(ctx.switchToHttp().getRequest<object>()),
);
