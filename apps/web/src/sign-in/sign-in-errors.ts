import { asApiError } from '../errors/api-error';
import { problemMessageKey } from '../errors/problem-message';
import type { MessageKey } from '../i18n/en';

export type SignInField = 'email' | 'password';

/** One error of the form: its sentence, and the field it is about (none for the form as a whole). */
export interface FormError {
  key: MessageKey;
  params?: Record<string, string>;
  field?: SignInField;
}

/** Loose on purpose: the api decides what an address is; this only catches an obvious slip. */
const LOOKS_LIKE_EMAIL = /^[^\s@]+@[^\s@]+$/;

/** What the form can tell before asking the api. */
export function validateSignIn(email: string, password: string, fields: readonly SignInField[]): FormError[] {
  const errors: FormError[] = [];
  if (fields.includes('email')) {
    if (email.trim() === '') errors.push({ key: 'signIn.emailRequired', field: 'email' });
    else if (!LOOKS_LIKE_EMAIL.test(email.trim())) errors.push({ key: 'signIn.emailInvalid', field: 'email' });
  }
  if (fields.includes('password') && password === '')
    errors.push({ key: 'signIn.passwordRequired', field: 'password' });
  return errors;
}

const THROTTLE_RULES: Record<string, MessageKey> = {
  login_throttle: 'signIn.throttled',
  login_address_throttle: 'signIn.addressThrottled',
};

/** The api's refusal of a sign-in (or of a reset request), as the form's errors, by code and rule. */
export function refusalErrors(error: unknown): FormError[] {
  const { status, problem, retryAfterSeconds } = asApiError(error);
  if (status === 401) return [{ key: 'signIn.invalidCredentials' }];
  const throttle = problem?.rule ? THROTTLE_RULES[problem.rule] : undefined;
  if (throttle) return [{ key: throttle, params: { seconds: String(retryAfterSeconds ?? 60) } }];
  if (problem?.code === 'validation_failed' && problem.errors?.length) {
    const fields = problem.errors.map((e) => (e.pointer === '/password' ? 'password' : 'email'));
    return [...new Set(fields)].map((field) =>
      field === 'email' ? { key: 'signIn.emailInvalid', field } : { key: 'signIn.passwordRequired', field },
    );
  }
  return [{ key: problemMessageKey(error) }];
}
