import { Type, type Static } from '@sinclair/typebox';
import { Closed } from '@mesecvi/http';

/** What the web app reports of an error in the browser: bounded, so a report cannot flood the log. */
export const ClientErrorReportSchema = Closed({
  message: Type.String({ minLength: 1, maxLength: 2000, example: 'TypeError: x is undefined' }),
  stack: Type.Optional(Type.String({ maxLength: 16000, description: 'The error’s stack, as the browser gives it' })),
  url: Type.String({ minLength: 1, maxLength: 2000, example: 'http://localhost:3000/app/evaluations' }),
  requestId: Type.Optional(
    Type.String({
      pattern: '^[A-Za-z0-9._:-]{1,128}$',
      description: 'The `X-Request-Id` of the API answer the error followed, when there was one',
    }),
  ),
  userAgent: Type.Optional(Type.String({ maxLength: 512 })),
});
export type ClientErrorReport = Static<typeof ClientErrorReportSchema>;
