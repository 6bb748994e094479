import type { EvaluationStatus } from './evaluation-status';
import type { EvaluationView } from './evaluation.schemas';

export type { EvaluationView } from './evaluation.schemas';

export interface EvaluationRow {
  id: string;
  round_id: string;
  round_name: string;
  state_code: string;
  status: EvaluationStatus;
  questionnaire_version_id: string;
  questionnaire_key: string;
  questionnaire_version: number;
  distributed_at: Date;
  deadline_id: string | null;
  due_date: string | null;
  time_zone: string | null;
  deadline_version: number | null;
  deadline_status: string | null;
}

/** One query shape for every evaluation read, joined with its round and response deadline. */
export const EVALUATION_SELECT = `
  SELECT e.id, e.round_id, r.name AS round_name, e.state_code, e.status, e.questionnaire_version_id,
         q.key AS questionnaire_key, q.version AS questionnaire_version, e.distributed_at,
         d.id AS deadline_id, to_char(d.due_date, 'YYYY-MM-DD') AS due_date, d.time_zone, d.version AS deadline_version, d.status AS deadline_status
    FROM state_evaluation e
    JOIN round r ON r.id = e.round_id
    JOIN questionnaire_version q ON q.id = e.questionnaire_version_id
    LEFT JOIN deadline d ON d.id = e.response_deadline_id`;

export function toEvaluationView(r: EvaluationRow): EvaluationView {
  return {
    id: r.id,
    roundId: r.round_id,
    roundName: r.round_name,
    stateCode: r.state_code,
    status: r.status,
    questionnaireVersionId: r.questionnaire_version_id,
    questionnaire: { key: r.questionnaire_key, version: r.questionnaire_version },
    distributedAt: new Date(r.distributed_at).toISOString(),
    responseDeadline:
      r.deadline_id && r.due_date
        ? {
            id: r.deadline_id,
            dueDate: r.due_date,
            timeZone: r.time_zone ?? '',
            version: r.deadline_version ?? 1,
            status: r.deadline_status ?? 'open',
          }
        : null,
  };
}
