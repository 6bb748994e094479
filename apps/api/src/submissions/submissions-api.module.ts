import { Module } from '@nestjs/common';
import { SubmissionsModule } from '@mesecvi/submissions';
import { DraftsController } from './drafts.controller';
import { EvidenceAttachmentsController } from './evidence-attachments.controller';
import { SubmissionsController } from './submissions.controller';

@Module({
  imports: [SubmissionsModule],
  controllers: [DraftsController, SubmissionsController, EvidenceAttachmentsController],
})
export class SubmissionsApiModule {}
