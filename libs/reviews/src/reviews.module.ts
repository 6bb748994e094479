import { Module, type OnModuleInit } from '@nestjs/common';
import { AppointmentsModule, CommitteeStandingService } from '@mesecvi/appointments';
import { AuditModule } from '@mesecvi/audit';
import { DeadlinesModule, RecipientDirectory } from '@mesecvi/deadlines';
import { QuestionnairesModule } from '@mesecvi/questionnaires';
import { RoundsModule } from '@mesecvi/rounds';
import { MailModule } from '@mesecvi/mail';
import { ClarificationAnsweredHooks, SubmissionsModule } from '@mesecvi/submissions';
import { RapporteurAssignments } from './rapporteur-assignments.service';
import { RapporteurNotices } from './rapporteur-notices.service';
import { rapporteursResolver } from './rapporteur-recipients';
import { ReviewAccess } from './review-access.service';
import { ReviewComments } from './review-comments.service';
import { ReviewDueDates } from './review-due-dates.service';
import { ReviewMaterial } from './review-material.service';
import { ReviewProgress } from './review-progress.service';

const SERVICES = [
  RapporteurAssignments,
  RapporteurNotices,
  ReviewAccess,
  ReviewComments,
  ReviewDueDates,
  ReviewMaterial,
  ReviewProgress,
];

/** The committee's review of state evaluations: rapporteurs, material, comments, clarifications, completion. */
@Module({
  imports: [
    AppointmentsModule,
    AuditModule,
    DeadlinesModule,
    MailModule,
    QuestionnairesModule,
    RoundsModule,
    SubmissionsModule,
  ],
  providers: SERVICES,
  exports: SERVICES,
})
export class ReviewsModule implements OnModuleInit {
  constructor(
    private readonly clarificationAnswered: ClarificationAnsweredHooks,
    private readonly notices: RapporteurNotices,
    private readonly recipients: RecipientDirectory,
    private readonly standing: CommitteeStandingService,
  ) {}

  onModuleInit(): void {
    // The review deadline's reminders go to the rapporteurs whose review is not done.
    this.recipients.register('rapporteurs', rapporteursResolver(this.standing));
    // The rapporteurs hear of the state's new version (the diff shows them what changed).
    this.clarificationAnswered.register((manager, answered, now) =>
      this.notices.stage(
        manager,
        {
          evaluationId: answered.evaluationId,
          event: 'clarification_answered',
          related: { type: 'submission', id: answered.submissionId },
          versionNumber: answered.versionNumber,
        },
        now,
      ),
    );
  }
}
