import { Module } from '@nestjs/common';
import { JobsModule } from '@mesecvi/jobs';
import { MailModule } from '@mesecvi/mail';
import { ComplianceRepository } from './compliance.repository';
import { ComplianceService } from './compliance.service';
import { WeeklyDigest } from './digest/weekly-digest.service';
import { OperationsSnapshot } from './operations/operations-snapshot.service';

@Module({
  imports: [MailModule, JobsModule],
  providers: [ComplianceRepository, ComplianceService, WeeklyDigest, OperationsSnapshot],
  exports: [ComplianceService, WeeklyDigest, OperationsSnapshot, MailModule],
})
export class ComplianceModule {}
