import {
  EVALUATION_STATUSES,
  nextEvaluationStatus,
  requireEvaluationTransition,
  type EvaluationEvent,
  type EvaluationStatus,
} from './evaluation-status';

describe('state evaluation status machine', () => {
  const table: Array<[EvaluationStatus, EvaluationEvent, EvaluationStatus]> = [
    ['invited', 'first_draft_save', 'drafting'],
    ['invited', 'submit', 'submitted'],
    ['drafting', 'submit', 'submitted'],
    ['invited', 'response_period_closed', 'no_response'],
    ['drafting', 'response_period_closed', 'no_response'],
    ['submitted', 'rapporteurs_assigned', 'under_review'],
    ['submitted', 'clarification_requested', 'clarification_requested'],
    ['under_review', 'clarification_requested', 'clarification_requested'],
    ['clarification_requested', 'resubmit_with_rapporteurs', 'under_review'],
    ['clarification_requested', 'resubmit_without_rapporteurs', 'submitted'],
    ['under_review', 'review_completed', 'analysed'],
    ['analysed', 'preliminary_report_sent', 'preliminary_report_sent'],
    ['preliminary_report_sent', 'observations_submitted', 'observations_received'],
    ['preliminary_report_sent', 'observations_deadline_passed', 'observations_overdue'],
    ['observations_received', 'final_report_adopted', 'final_adopted'],
    ['observations_overdue', 'final_report_adopted', 'final_adopted'],
    ['preliminary_report_sent', 'final_report_adopted_with_override', 'final_adopted'],
    ['final_adopted', 'report_published', 'published'],
  ];

  it.each(table)('%s --%s--> %s', (from, event, to) => {
    expect(nextEvaluationStatus(from, event)).toBe(to);
  });

  it('refuses every other combination', () => {
    const allowed = new Set(table.map(([from, event]) => `${from}|${event}`));
    const events = [...new Set(table.map(([, e]) => e))];
    let refused = 0;
    for (const from of EVALUATION_STATUSES) {
      for (const event of events) {
        if (allowed.has(`${from}|${event}`)) continue;
        expect(nextEvaluationStatus(from, event)).toBeNull();
        refused++;
      }
    }
    expect(refused).toBe(EVALUATION_STATUSES.length * events.length - table.length);
  });

  it('saving a draft changes nothing once drafting or later', () => {
    for (const from of EVALUATION_STATUSES.filter((s) => s !== 'invited'))
      expect(nextEvaluationStatus(from, 'first_draft_save')).toBeNull();
  });

  it('answers a refused transition with a 409 naming the rule', () => {
    expect(() => requireEvaluationTransition('submitted', 'submit')).toThrow(
      expect.objectContaining({ status: 409, code: 'conflict' }),
    );
  });
});
