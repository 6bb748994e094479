import { ACCOUNT_RULES } from '@mesecvi/accounts';
import { APPOINTMENT_RULES } from '@mesecvi/appointments';
import { DEADLINE_RULES } from '@mesecvi/deadlines';
import type { RuleEntry } from '@mesecvi/errors';
import { MECHANISM_REPORT_RULES } from '@mesecvi/mechanism-reports';
import { RECOMMENDATION_RULES } from '@mesecvi/recommendations';
import { REPORT_RULES } from '@mesecvi/reports';
import { REVIEW_RULES } from '@mesecvi/reviews';
import { ROUND_RULES } from '@mesecvi/rounds';
import { SUBMISSION_RULES } from '@mesecvi/submissions';

/** Every lib's catalogue of rule codes, by lib: what the translation check and the error docs walk. */
export const RULE_CATALOGUES: Readonly<Record<string, Readonly<Record<string, RuleEntry>>>> = {
  accounts: ACCOUNT_RULES,
  appointments: APPOINTMENT_RULES,
  deadlines: DEADLINE_RULES,
  'mechanism-reports': MECHANISM_REPORT_RULES,
  recommendations: RECOMMENDATION_RULES,
  reports: REPORT_RULES,
  reviews: REVIEW_RULES,
  rounds: ROUND_RULES,
  submissions: SUBMISSION_RULES,
};
