import { Module, type OnModuleInit } from '@nestjs/common';
import { AuditModule } from '@mesecvi/audit';
import { DeadlinePassedHandlers, DeadlinesModule } from '@mesecvi/deadlines';
import { MailModule } from '@mesecvi/mail';
import { RecommendationsModule } from '@mesecvi/recommendations';
import { ReviewsModule } from '@mesecvi/reviews';
import { RoundsModule } from '@mesecvi/rounds';
import { Corrigenda } from './corrigenda.service';
import { CountryReports } from './country-reports.service';
import { PublicReports } from './public-reports.service';
import { ReportDecisions } from './report-decisions.service';
import { ReportStore } from './report-store';

/**
 * Country reports. Imported by the api and the worker: at start it registers the `observations`
 * deadline-passed handler (→ observations_overdue), which the worker's sweep runs.
 */
@Module({
  imports: [AuditModule, DeadlinesModule, MailModule, RecommendationsModule, ReviewsModule, RoundsModule],
  providers: [CountryReports, ReportDecisions, PublicReports, ReportStore, Corrigenda],
  exports: [CountryReports, ReportDecisions, PublicReports, Corrigenda],
})
export class ReportsModule implements OnModuleInit {
  constructor(
    private readonly passed: DeadlinePassedHandlers,
    private readonly decisions: ReportDecisions,
  ) {}

  onModuleInit(): void {
    this.passed.register('observations', (manager, deadline, now) =>
      this.decisions.observationsOverdue(manager, deadline.subject.id, now),
    );
  }
}
