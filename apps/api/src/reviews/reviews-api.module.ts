import { Module } from '@nestjs/common';
import { ReviewsModule } from '@mesecvi/reviews';
import { RapporteursController } from './rapporteurs.controller';
import { ReviewController } from './review.controller';

@Module({ imports: [ReviewsModule], controllers: [RapporteursController, ReviewController] })
export class ReviewsApiModule {}
