export { Recommendation, RECOMMENDATION_STATUSES, type RecommendationStatus } from './recommendation.entity';
export {
  RecommendationsService,
  recommendationId,
  type RecommendationDraft,
  type RecommendationView,
  type FollowUpLine,
} from './recommendations.service';
export { RecommendationsModule } from './recommendations.module';
export { RecommendationRating } from './recommendation-rating.entity';
export { FollowUpItem } from './follow-up-item.entity';
export { FollowUpModule } from './follow-up.module';
export { RecommendationRegister, type RegisterFilters } from './recommendation-register.service';
export { registerCsv, registerXlsx, REGISTER_COLUMNS } from './register-export';
export type { RegisterRow, RegisterEntry, RatingHistoryEntry, LifecycleEvent } from './register.view';
export { FollowUpRounds, type FollowUpGeneration, type GeneratedStateQuestionnaire } from './follow-up-rounds.service';
export {
  RecommendationRatings,
  type RatingInput,
  type FollowUpEvaluationView,
  type FollowUpItemView,
} from './recommendation-ratings.service';
export { ratingScaleView, ratingLabels, type RatingScaleValueView } from './rating-scale';
export {
  buildFollowUpQuestionnaire,
  followUpItemId,
  followUpQuestionnaireKey,
  MAX_FOLLOW_UP_ITEMS,
  type OpenRecommendation,
} from './follow-up-questionnaire';
export { RECOMMENDATION_RULES } from './recommendation-rules';
