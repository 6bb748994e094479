import type { components, paths } from '@mesecvi/api-client';
import type { MessageKey } from './en';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
type EvaluationView = Json<paths['/evaluations/{id}']['get']['responses'][200]>;
type AssignmentView = Json<paths['/rounds/{id}/rapporteur-assignments']['get']['responses'][200]>[number];
type AccountView = Json<paths['/me']['get']['responses'][200]>;

export type EvaluationStatus = EvaluationView['status'];
export type AssignmentStatus = AssignmentView['status'];
export type Role = AccountView['role'];
export type ProblemCode = components['schemas']['Problem']['code'];

/** The label of each server enum value: a key of the catalogue, never the value itself. */
export const EVALUATION_STATUS_LABELS: Record<EvaluationStatus, MessageKey> = {
  invited: 'status.invited',
  drafting: 'status.drafting',
  submitted: 'status.submitted',
  no_response: 'status.no_response',
  under_review: 'status.under_review',
  clarification_requested: 'status.clarification_requested',
  analysed: 'status.analysed',
  preliminary_report_sent: 'status.preliminary_report_sent',
  observations_received: 'status.observations_received',
  observations_overdue: 'status.observations_overdue',
  final_adopted: 'status.final_adopted',
  published: 'status.published',
};

export const ASSIGNMENT_STATUS_LABELS: Record<AssignmentStatus, MessageKey> = {
  open: 'assignment.open',
  completed: 'assignment.completed',
  withdrawn: 'assignment.withdrawn',
};

export const ROLE_LABELS: Record<Role, MessageKey> = {
  secretariat: 'role.secretariat',
  state_focal_point: 'role.state_focal_point',
  state_contributor: 'role.state_contributor',
  committee_expert: 'role.committee_expert',
};

/** A problem's code as a sentence of the catalogue: the api's English `detail` is never shown. */
export const PROBLEM_LABELS: Record<ProblemCode, MessageKey> = {
  bad_request: 'problem.generic',
  malformed_json: 'problem.generic',
  unauthenticated: 'problem.unauthenticated',
  forbidden: 'problem.forbidden',
  not_found: 'problem.notFound',
  route_not_found: 'problem.notFound',
  method_not_allowed: 'problem.generic',
  conflict: 'problem.conflict',
  precondition_failed: 'problem.conflict',
  payload_too_large: 'problem.generic',
  unsupported_media_type: 'problem.generic',
  validation_failed: 'problem.invalid',
  precondition_required: 'problem.generic',
  too_many_requests: 'problem.tooMany',
  internal_error: 'problem.internal',
  service_unavailable: 'problem.unavailable',
};
