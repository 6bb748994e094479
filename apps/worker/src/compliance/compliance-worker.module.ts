import { Module } from '@nestjs/common';
import { ComplianceModule } from '@mesecvi/compliance';
import { WeeklyDigestHandler } from './weekly-digest.handler';

@Module({ imports: [ComplianceModule], providers: [WeeklyDigestHandler] })
export class ComplianceWorkerModule {}
