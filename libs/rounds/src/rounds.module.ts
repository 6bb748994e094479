import { Module } from '@nestjs/common';
import { AuditModule } from '@mesecvi/audit';
import { DeadlinesModule } from '@mesecvi/deadlines';
import { MailModule } from '@mesecvi/mail';
import { QuestionnairesModule } from '@mesecvi/questionnaires';
import { CalendarFeedsService } from './calendar-feeds.service';
import { DistributionService } from './distribution.service';
import { EvaluationsService } from './evaluations.service';
import { EvaluationTransitions } from './evaluation-transitions.service';
import { ExtensionsService } from './extensions.service';
import { RoundsService } from './rounds.service';

@Module({
  imports: [AuditModule, DeadlinesModule, MailModule, QuestionnairesModule],
  providers: [
    RoundsService,
    DistributionService,
    EvaluationsService,
    EvaluationTransitions,
    ExtensionsService,
    CalendarFeedsService,
  ],
  exports: [
    RoundsService,
    DistributionService,
    EvaluationsService,
    EvaluationTransitions,
    ExtensionsService,
    CalendarFeedsService,
  ],
})
export class RoundsModule {}
