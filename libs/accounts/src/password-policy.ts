import type { FieldProblem } from '@mesecvi/errors';

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 200;

export type PasswordProblem = 'too_short' | 'too_long' | 'same_as_email' | 'mismatch';

/** Length over composition rules (NIST SP 800-63B): at least 12 characters, not the e-mail. */
export function passwordProblem(password: string, confirmation: string, email: string): PasswordProblem | null {
  if (password.length < PASSWORD_MIN) return 'too_short';
  if (password.length > PASSWORD_MAX) return 'too_long';
  if (password.trim().toLowerCase() === email.toLowerCase()) return 'same_as_email';
  if (password !== confirmation) return 'mismatch';
  return null;
}

export function passwordFieldProblem(problem: PasswordProblem): FieldProblem {
  const messages: Record<PasswordProblem, string> = {
    too_short: `The password must have at least ${PASSWORD_MIN} characters.`,
    too_long: `The password must have at most ${PASSWORD_MAX} characters.`,
    same_as_email: 'The password must not be your e-mail address.',
    mismatch: 'The two passwords do not match.',
  };
  return {
    pointer: problem === 'mismatch' ? '/confirmation' : '/password',
    keyword: problem,
    message: messages[problem],
  };
}
