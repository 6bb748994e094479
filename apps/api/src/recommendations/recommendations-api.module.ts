import { Module } from '@nestjs/common';
import { FollowUpModule } from '@mesecvi/recommendations';
import { FollowUpController } from './follow-up.controller';
import { RecommendationsController } from './recommendations.controller';

@Module({ imports: [FollowUpModule], controllers: [RecommendationsController, FollowUpController] })
export class RecommendationsApiModule {}
