import { Module } from '@nestjs/common';
import { AppointmentsModule } from '@mesecvi/appointments';
import { AuditModule } from '@mesecvi/audit';
import { DeadlinesModule } from '@mesecvi/deadlines';
import { QuestionnairesModule } from '@mesecvi/questionnaires';
import { RoundsModule } from '@mesecvi/rounds';
import { SubmissionsModule } from '@mesecvi/submissions';
import { RapporteurAssignments } from './rapporteur-assignments.service';
import { ReviewAccess } from './review-access.service';
import { ReviewComments } from './review-comments.service';
import { ReviewMaterial } from './review-material.service';
import { ReviewProgress } from './review-progress.service';

/** The committee's review of state evaluations: rapporteurs, material, comments, clarifications, completion. */
@Module({
  imports: [AppointmentsModule, AuditModule, DeadlinesModule, QuestionnairesModule, RoundsModule, SubmissionsModule],
  providers: [RapporteurAssignments, ReviewAccess, ReviewComments, ReviewMaterial, ReviewProgress],
  exports: [RapporteurAssignments, ReviewAccess, ReviewComments, ReviewMaterial, ReviewProgress],
})
export class ReviewsModule {}
