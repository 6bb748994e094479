import type { Round, RoundKind } from './round.entity';
import type { RoundPhase } from './round-phase';

export interface RoundView {
  id: string;
  kind: RoundKind;
  name: string;
  number: number;
  evaluationRoundId: string | null;
  phase: RoundPhase;
  questionnaireVersionId: string | null;
  calendar: { responseDueDate: string | null; responseDays: number; observationsDays: number; followUpDays: number };
  version: number;
}

export function toRoundView(r: Round): RoundView {
  return {
    id: r.id,
    kind: r.kind,
    name: r.name,
    number: r.number,
    evaluationRoundId: r.evaluationRoundId,
    phase: r.phase,
    questionnaireVersionId: r.questionnaireVersionId,
    calendar: {
      responseDueDate: r.responseDueDate,
      responseDays: r.responseDays,
      observationsDays: r.observationsDays,
      followUpDays: r.followUpDays,
    },
    version: r.version,
  };
}
