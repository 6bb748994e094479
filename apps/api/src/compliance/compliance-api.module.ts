import { Module } from '@nestjs/common';
import { ComplianceModule } from '@mesecvi/compliance';
import { ComplianceController } from './compliance.controller';
import { LedgerViewsController } from './ledger-views.controller';
import { OperationsController } from './operations.controller';

@Module({
  imports: [ComplianceModule],
  controllers: [ComplianceController, LedgerViewsController, OperationsController],
})
export class ComplianceApiModule {}
