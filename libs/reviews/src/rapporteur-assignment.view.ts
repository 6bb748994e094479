import type { RapporteurAssignmentStatus } from './rapporteur-assignment.entity';
import type { RapporteurAssignmentView } from './rapporteur-assignment.schemas';

export type { RapporteurAssignmentView } from './rapporteur-assignment.schemas';

export interface RapporteurAssignmentRow {
  id: string;
  evaluation_id: string;
  state_code: string;
  expert_user_id: string;
  expert_name: string;
  assigned_by: string;
  assigned_at: Date;
  status: RapporteurAssignmentStatus;
  closed_at: Date | null;
  expert_appointed: boolean;
  expert_conflicted: boolean;
  review_due_date: string | null;
}

export const ASSIGNMENT_SELECT = `
  SELECT a.id, a.evaluation_id, e.state_code, a.expert_user_id, u.name AS expert_name, a.assigned_by, a.assigned_at, a.status, a.closed_at,
         EXISTS (SELECT 1 FROM appointment p WHERE p.user_id = a.expert_user_id AND p.kind IN ('titular', 'alternate') AND p.status = 'active') AS expert_appointed,
         EXISTS (SELECT 1 FROM conflict_declaration c WHERE c.expert_user_id = a.expert_user_id AND c.state_code = e.state_code) AS expert_conflicted,
         (SELECT d.due_date::text FROM deadline d WHERE d.kind = 'review' AND d.subject_type = 'state_evaluation' AND d.subject_id = e.id::text
             AND d.status IN ('open', 'passed')) AS review_due_date
  FROM rapporteur_assignment a
  JOIN state_evaluation e ON e.id = a.evaluation_id
  JOIN user_account u ON u.id = a.expert_user_id`;

export const toAssignmentView = (r: RapporteurAssignmentRow): RapporteurAssignmentView => ({
  id: r.id,
  evaluationId: r.evaluation_id,
  stateCode: r.state_code,
  expertUserId: r.expert_user_id,
  expertName: r.expert_name,
  assignedBy: r.assigned_by,
  assignedAt: r.assigned_at.toISOString(),
  status: r.status,
  closedAt: r.closed_at ? r.closed_at.toISOString() : null,
  expertAppointed: r.expert_appointed,
  expertConflicted: r.expert_conflicted,
  reviewDueDate: r.review_due_date,
});
