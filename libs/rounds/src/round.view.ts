import type { Round } from './round.entity';
import type { RoundView } from './round.schemas';

export type { RoundView } from './round.schemas';

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
