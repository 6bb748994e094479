import { ROUND_PHASES, phaseTransitionProblem } from './round-phase';

const ready = { hasQuestionnaire: true, hasResponseDueDate: true };

describe('round phase machine', () => {
  it('moves one step at a time, in order', () => {
    for (let i = 0; i < ROUND_PHASES.length - 1; i++)
      expect(phaseTransitionProblem(ROUND_PHASES[i], ROUND_PHASES[i + 1], ready)).toBeNull();
  });

  it('refuses skipping, going back, and leaving closed', () => {
    expect(phaseTransitionProblem('planning', 'open_for_responses', ready)).toMatch(
      /only move to questionnaire_adopted/,
    );
    expect(phaseTransitionProblem('analysis', 'open_for_responses', ready)).not.toBeNull();
    expect(phaseTransitionProblem('closed', 'planning', ready)).toMatch(/closed/);
  });

  it('needs the adopted questionnaire and the response due date', () => {
    expect(phaseTransitionProblem('planning', 'questionnaire_adopted', { ...ready, hasQuestionnaire: false })).toMatch(
      /questionnaire/,
    );
    expect(
      phaseTransitionProblem('questionnaire_adopted', 'open_for_responses', { ...ready, hasResponseDueDate: false }),
    ).toMatch(/due date/);
  });
});
