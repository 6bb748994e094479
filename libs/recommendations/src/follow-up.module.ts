import { Module } from '@nestjs/common';
import { AuditModule } from '@mesecvi/audit';
import { MailModule } from '@mesecvi/mail';
import { QuestionnairesModule } from '@mesecvi/questionnaires';
import { ReviewsModule } from '@mesecvi/reviews';
import { RoundsModule } from '@mesecvi/rounds';
import { FollowUpRounds } from './follow-up-rounds.service';
import { RecommendationRatings } from './recommendation-ratings.service';
import { RecommendationRegister } from './recommendation-register.service';

/**
 * The register and the follow-up of recommendations (kept apart from RecommendationsModule, which
 * the reports library imports for drafting): generating and distributing follow-up
 * questionnaires, and rating.
 */
@Module({
  imports: [AuditModule, MailModule, QuestionnairesModule, ReviewsModule, RoundsModule],
  providers: [RecommendationRegister, FollowUpRounds, RecommendationRatings],
  exports: [RecommendationRegister, FollowUpRounds, RecommendationRatings],
})
export class FollowUpModule {}
