import { DomainError } from '@mesecvi/errors';

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

/** Why a round may not enter `to`, or null when it may. Pure: the service supplies the facts. */
export function phaseTransitionProblem(from: RoundPhase, to: RoundPhase, facts: RoundFacts): string | null {
  const next = ROUND_PHASES[ROUND_PHASES.indexOf(from) + 1];
  if (to !== next) return `A round in ${from} can only move to ${next ?? 'nothing (it is closed)'}, not ${to}.`;
  if (to === 'questionnaire_adopted' && !facts.hasQuestionnaire)
    return 'Attach the questionnaire version the committee adopted first.';
  if (to === 'open_for_responses' && !facts.hasResponseDueDate) return 'Set the response due date first.';
  return null;
}

export function assertPhaseTransition(from: RoundPhase, to: RoundPhase, facts: RoundFacts): void {
  const problem = phaseTransitionProblem(from, to, facts);
  if (problem) throw new DomainError('conflict', problem, { extensions: { rule: 'round_phase_order', from, to } });
}
