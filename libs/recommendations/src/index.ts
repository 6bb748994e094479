export { Recommendation, RECOMMENDATION_STATUSES, type RecommendationStatus } from './recommendation.entity';
export { RecommendationsService, recommendationId, type RecommendationDraft, type RecommendationView } from './recommendations.service';
export { RecommendationsModule } from './recommendations.module';
export { RecommendationRating } from './recommendation-rating.entity';
export { FollowUpItem } from './follow-up-item.entity';
