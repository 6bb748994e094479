import { Module } from '@nestjs/common';
import { RoundsModule } from '@mesecvi/rounds';
import { CalendarController } from './calendar.controller';
import { DistributionController } from './distribution.controller';
import { EvaluationsController } from './evaluations.controller';
import { RoundsController } from './rounds.controller';

@Module({
  imports: [RoundsModule],
  controllers: [RoundsController, DistributionController, EvaluationsController, CalendarController],
})
export class RoundsApiModule {}
