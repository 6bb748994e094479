import { Module } from '@nestjs/common';
import { ReportsModule } from '@mesecvi/reports';

/** Importing the reports library registers its `observations` deadline-passed handler (→ observations_overdue) for the sweep. */
@Module({ imports: [ReportsModule] })
export class ReportsWorkerModule {}
