export {
  RapporteurAssignment,
  RAPPORTEUR_ASSIGNMENT_STATUSES,
  type RapporteurAssignmentStatus,
} from './rapporteur-assignment.entity';
export {
  proposeRapporteurs,
  seededRandom,
  type AutoAssignExpert,
  type AutoAssignInput,
  type AutoAssignResult,
} from './auto-assign';
export {
  RapporteurAssignments,
  type RapporteurProposal,
  type AcceptedAssignment,
} from './rapporteur-assignments.service';
export type { RapporteurAssignmentView } from './rapporteur-assignment.view';
export { RapporteurAssignmentViewSchema, RapporteurAssignmentListSchema } from './rapporteur-assignment.schemas';
export { ReviewAccess } from './review-access.service';
export { ReviewsModule } from './reviews.module';
export { ReviewComment, COMMENT_VISIBILITIES, type CommentVisibility } from './review-comment.entity';
export { ReviewComments, type CommentInput, type ReviewCommentView } from './review-comments.service';
export { ReviewMaterial, type ReviewMaterialView } from './review-material.service';
export { ReviewProgress, type ReviewClarificationInput, type ReviewCompletion } from './review-progress.service';
export { pointerInSchema } from './answer-pointer';
export { RapporteurNotices, type RapporteurEvent, type RapporteurNoticeInput } from './rapporteur-notices.service';
export { REVIEW_RULES } from './review-rules';
export { ReviewDueDates, ReviewDueDateSchema, type ReviewDueDateInput } from './review-due-dates.service';
