import { ROUND_PHASES, phaseTransitionProblem } from './round-phase';
import { ROUND_RULES } from './round-rules';

const ready = { hasQuestionnaire: true, hasResponseDueDate: true };

describe('round phase machine', () => {
  it('moves one step at a time, in order', () => {
    for (let i = 0; i < ROUND_PHASES.length - 1; i++)
      expect(phaseTransitionProblem(ROUND_PHASES[i], ROUND_PHASES[i + 1], ready)).toBeNull();
  });

  it('refuses skipping, going back, and leaving closed', () => {
    expect(phaseTransitionProblem('planning', 'open_for_responses', ready)).toEqual({
      rule: ROUND_RULES.round_phase_next,
      params: { from: 'planning', next: 'questionnaire_adopted', to: 'open_for_responses' },
    });
    expect(phaseTransitionProblem('analysis', 'open_for_responses', ready)?.rule).toBe(ROUND_RULES.round_phase_next);
    expect(phaseTransitionProblem('closed', 'planning', ready)?.rule).toBe(ROUND_RULES.round_closed);
  });

  it('needs the adopted questionnaire and the response due date', () => {
    expect(
      phaseTransitionProblem('planning', 'questionnaire_adopted', { ...ready, hasQuestionnaire: false })?.rule,
    ).toBe(ROUND_RULES.round_needs_questionnaire);
    expect(
      phaseTransitionProblem('questionnaire_adopted', 'open_for_responses', { ...ready, hasResponseDueDate: false })
        ?.rule,
    ).toBe(ROUND_RULES.round_needs_due_date);
  });
});
