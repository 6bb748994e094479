import { ruleConflict, type ConflictRule, type MessageParams } from '@mesecvi/errors';
import { ROUND_RULES } from './round-rules';

/** A round's phases, in order. Only the secretariat moves a round, one step at a time. */
export const ROUND_PHASES = [
  'planning',
  'questionnaire_adopted',
  'open_for_responses',
  'analysis',
  'reports',
  'hemispheric_report',
  'closed',
] as const;
export type RoundPhase = (typeof ROUND_PHASES)[number];

export interface RoundFacts {
  hasQuestionnaire: boolean;
  hasResponseDueDate: boolean;
}

/** A rule a phase change breaks, with the facts its message names. */
export interface PhaseProblem {
  rule: ConflictRule;
  params: MessageParams;
}

/** Why a round may not enter `to`, or null when it may. Pure: the service supplies the facts. */
export function phaseTransitionProblem(from: RoundPhase, to: RoundPhase, facts: RoundFacts): PhaseProblem | null {
  const next = ROUND_PHASES[ROUND_PHASES.indexOf(from) + 1];
  if (!next) return { rule: ROUND_RULES.round_closed, params: {} };
  if (to !== next) return { rule: ROUND_RULES.round_phase_next, params: { from, next, to } };
  if (to === 'questionnaire_adopted' && !facts.hasQuestionnaire)
    return { rule: ROUND_RULES.round_needs_questionnaire, params: {} };
  if (to === 'open_for_responses' && !facts.hasResponseDueDate)
    return { rule: ROUND_RULES.round_needs_due_date, params: {} };
  return null;
}

export function assertPhaseTransition(from: RoundPhase, to: RoundPhase, facts: RoundFacts): void {
  const problem = phaseTransitionProblem(from, to, facts);
  if (problem) throw ruleConflict(problem.rule, problem.params, { from, to });
}
