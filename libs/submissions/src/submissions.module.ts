import { Module } from '@nestjs/common';
import { AuditModule } from '@mesecvi/audit';
import { DeadlinesModule } from '@mesecvi/deadlines';
import { MailModule } from '@mesecvi/mail';
import { QuestionnairesModule } from '@mesecvi/questionnaires';
import { RoundsModule } from '@mesecvi/rounds';
import { CarryOverService } from './carry-over.service';
import { ClarificationAnsweredHooks } from './clarification-answered.hooks';
import { ClarificationsService } from './clarifications.service';
import { DraftsRepository } from './drafts.repository';
import { DraftsService } from './drafts.service';
import { EvaluationAccess } from './evaluation-access.service';
import { EvidenceAttachmentsService } from './evidence-attachments.service';
import { SubmissionNotice } from './submission-notice.service';
import { SubmissionsService } from './submissions.service';

@Module({
  imports: [AuditModule, DeadlinesModule, MailModule, QuestionnairesModule, RoundsModule],
  providers: [
    EvaluationAccess,
    DraftsRepository,
    DraftsService,
    SubmissionsService,
    SubmissionNotice,
    ClarificationsService,
    CarryOverService,
    EvidenceAttachmentsService,
    ClarificationAnsweredHooks,
  ],
  exports: [
    DraftsService,
    SubmissionsService,
    ClarificationsService,
    CarryOverService,
    EvidenceAttachmentsService,
    ClarificationAnsweredHooks,
  ],
})
export class SubmissionsModule {}
