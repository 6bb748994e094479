import { Type, type Static } from '@sinclair/typebox';
import { Closed } from '@mesecvi/http';

export const LoginSchema = Closed({
  email: Type.String({ minLength: 3, maxLength: 320, example: 'secretariat@mesecvi.demo' }),
  password: Type.String({ minLength: 1, maxLength: 200, example: 'demo-secretariat-2026' }),
});
export type LoginBody = Static<typeof LoginSchema>;

export const RefreshSchema = Closed({ refreshToken: Type.String({ minLength: 20, maxLength: 200 }) });
export type RefreshBody = Static<typeof RefreshSchema>;

export const PasswordResetSchema = Closed({ email: Type.String({ minLength: 3, maxLength: 320 }) });
export type PasswordResetBody = Static<typeof PasswordResetSchema>;

/** The same answer whether or not the address has an account, so it tells nobody which addresses do. */
export const PASSWORD_RESET_MESSAGE = 'If an account exists for this address, a link has been sent to it.';
export const PasswordResetAnswerSchema = Closed({ message: Type.Literal(PASSWORD_RESET_MESSAGE) });
export type PasswordResetAnswer = Static<typeof PasswordResetAnswerSchema>;

/** The session routes authenticated by their cookie take an empty JSON object (what makes a form post fail). */
export const EmptySessionBodySchema = Closed({});
export type EmptySessionBody = Static<typeof EmptySessionBodySchema>;
