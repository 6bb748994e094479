import { Module } from '@nestjs/common';
import { AuditModule } from '@mesecvi/audit';
import { AnnualReports } from './annual-reports.service';
import { HemisphericReports } from './hemispheric-reports.service';

/** The mechanism's own reports: the hemispheric report of a round and the annual report. */
@Module({
  imports: [AuditModule],
  providers: [HemisphericReports, AnnualReports],
  exports: [HemisphericReports, AnnualReports],
})
export class MechanismReportsModule {}
