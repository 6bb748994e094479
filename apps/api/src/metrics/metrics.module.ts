import { Module } from '@nestjs/common';
import { ComplianceModule } from '@mesecvi/compliance';
import { JobsModule } from '@mesecvi/jobs';
import { MetricsController } from './metrics.controller';
import { MetricsService } from './metrics.service';

@Module({
  imports: [JobsModule, ComplianceModule],
  controllers: [MetricsController],
  providers: [MetricsService],
  exports: [MetricsService],
})
export class MetricsModule {}
