import { Module } from '@nestjs/common';
import { MechanismReportsModule } from '@mesecvi/mechanism-reports';
import { AnnualReportsController } from './annual-reports.controller';
import { HemisphericReportsController } from './hemispheric-reports.controller';
import { PublicHemisphericReportsController } from './public-hemispheric-reports.controller';

@Module({
  imports: [MechanismReportsModule],
  controllers: [HemisphericReportsController, PublicHemisphericReportsController, AnnualReportsController],
})
export class MechanismReportsApiModule {}
