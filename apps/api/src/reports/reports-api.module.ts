import { Module } from '@nestjs/common';
import { ReportsModule } from '@mesecvi/reports';
import { PublicReportsController } from './public-reports.controller';
import { ReportsController } from './reports.controller';

@Module({ imports: [ReportsModule], controllers: [ReportsController, PublicReportsController] })
export class ReportsApiModule {}
