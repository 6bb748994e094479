export { Recommendation, RECOMMENDATION_STATUSES, type RecommendationStatus } from './recommendation.entity';
export { RecommendationsService, recommendationId, type RecommendationDraft, type RecommendationView } from './recommendations.service';
export { RecommendationsModule } from './recommendations.module';
