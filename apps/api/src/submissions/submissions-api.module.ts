import { Module } from '@nestjs/common';
import { ReviewsModule } from '@mesecvi/reviews';
import { SubmissionsModule } from '@mesecvi/submissions';
import { DraftsController } from './drafts.controller';
import { EvidenceAttachmentsController } from './evidence-attachments.controller';
import { SubmissionsController } from './submissions.controller';

@Module({
  imports: [SubmissionsModule, ReviewsModule],
  controllers: [DraftsController, SubmissionsController, EvidenceAttachmentsController],
})
export class SubmissionsApiModule {}
