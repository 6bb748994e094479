import { Injectable } from '@nestjs/common';
import { ReminderSweep, type SweepStats } from '@mesecvi/deadlines';
import { JobName } from '@mesecvi/jobs';
import { HandlesJob, type JobHandler } from '../registry/job-handler.decorator';

/** The recurring tick: PostgreSQL says what is due, so a lost or repeated tick is harmless. */
@Injectable()
@HandlesJob(JobName.ReminderSweep)
export class ReminderSweepHandler implements JobHandler<JobName.ReminderSweep> {
  constructor(private readonly sweep: ReminderSweep) {}

  handle(): Promise<SweepStats> {
    return this.sweep.run();
  }
}
