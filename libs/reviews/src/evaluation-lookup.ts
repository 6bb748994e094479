import type { EntityManager } from 'typeorm';
import { DomainError } from '@mesecvi/errors';
import { isUuid } from '@mesecvi/http';
import type { EvaluationStatus } from '@mesecvi/rounds';

export interface EvaluationRef {
  id: string;
  stateCode: string;
  status: EvaluationStatus;
  questionnaireVersionId: string;
}

/** The evaluation (unlocked), or 404. */
export async function findEvaluation(manager: EntityManager, id: string): Promise<EvaluationRef> {
  const rows: Array<{ id: string; state_code: string; status: EvaluationStatus; questionnaire_version_id: string }> =
    isUuid(id)
      ? await manager.query(
          'SELECT id, state_code, status, questionnaire_version_id FROM state_evaluation WHERE id = $1',
          [id],
        )
      : [];
  if (!rows[0]) throw new DomainError('not_found', 'State evaluation was not found');
  return {
    id: rows[0].id,
    stateCode: rows[0].state_code,
    status: rows[0].status,
    questionnaireVersionId: rows[0].questionnaire_version_id,
  };
}
