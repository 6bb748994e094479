import { Module } from '@nestjs/common';
import { PolicyModule } from '@mesecvi/policy';
import { ReviewsModule } from '@mesecvi/reviews';

/** Importing the reviews library registers the `rapporteurs` recipient of review reminders for the sweep. */
@Module({ imports: [PolicyModule, ReviewsModule] })
export class ReviewsWorkerModule {}
