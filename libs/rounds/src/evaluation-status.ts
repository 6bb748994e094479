import { ruleConflict } from '@mesecvi/errors';
import { ROUND_RULES } from './round-rules';

/** The status of one state's evaluation in a round. */
export const EVALUATION_STATUSES = [
  'invited',
  'drafting',
  'submitted',
  'no_response',
  'under_review',
  'clarification_requested',
  'analysed',
  'preliminary_report_sent',
  'observations_received',
  'observations_overdue',
  'final_adopted',
  'published',
] as const;
export type EvaluationStatus = (typeof EVALUATION_STATUSES)[number];

export type EvaluationEvent =
  | 'first_draft_save'
  | 'submit'
  | 'response_period_closed'
  | 'rapporteurs_assigned'
  | 'clarification_requested'
  | 'resubmit_with_rapporteurs'
  | 'resubmit_without_rapporteurs'
  | 'review_completed'
  | 'preliminary_report_sent'
  | 'observations_submitted'
  | 'observations_deadline_passed'
  | 'final_report_adopted'
  | 'final_report_adopted_with_override'
  | 'report_published';

/** from-status → event → to-status. Anything not listed is refused. */
const TRANSITIONS: Record<EvaluationEvent, Partial<Record<EvaluationStatus, EvaluationStatus>>> = {
  first_draft_save: { invited: 'drafting' },
  submit: { invited: 'submitted', drafting: 'submitted' },
  response_period_closed: { invited: 'no_response', drafting: 'no_response' },
  rapporteurs_assigned: { submitted: 'under_review' },
  clarification_requested: { submitted: 'clarification_requested', under_review: 'clarification_requested' },
  resubmit_with_rapporteurs: { clarification_requested: 'under_review' },
  resubmit_without_rapporteurs: { clarification_requested: 'submitted' },
  review_completed: { under_review: 'analysed' },
  preliminary_report_sent: { analysed: 'preliminary_report_sent' },
  observations_submitted: { preliminary_report_sent: 'observations_received' },
  observations_deadline_passed: { preliminary_report_sent: 'observations_overdue' },
  final_report_adopted: { observations_received: 'final_adopted', observations_overdue: 'final_adopted' },
  // Adoption before the observations arrived or their deadline passed: the reports library requires a recorded reason.
  final_report_adopted_with_override: { preliminary_report_sent: 'final_adopted' },
  report_published: { final_adopted: 'published' },
};

/** The status after `event`, or null when the event does not apply in `from`. */
export function nextEvaluationStatus(from: EvaluationStatus, event: EvaluationEvent): EvaluationStatus | null {
  return TRANSITIONS[event][from] ?? null;
}

export function requireEvaluationTransition(from: EvaluationStatus, event: EvaluationEvent): EvaluationStatus {
  const to = nextEvaluationStatus(from, event);
  if (!to) {
    throw ruleConflict(
      ROUND_RULES.evaluation_status_transition,
      { from, event: event.replace(/_/g, ' ') },
      { from, event },
    );
  }
  return to;
}
