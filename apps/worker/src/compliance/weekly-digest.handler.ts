import { Injectable } from '@nestjs/common';
import { WeeklyDigest, type DigestRun } from '@mesecvi/compliance';
import { JobName } from '@mesecvi/jobs';
import { HandlesJob, type JobHandler } from '../registry/job-handler.decorator';

/** The recurring check: the clock says whether this week's moment has passed; dedup keys make repeats no-ops. */
@Injectable()
@HandlesJob(JobName.WeeklyDigest)
export class WeeklyDigestHandler implements JobHandler<JobName.WeeklyDigest> {
  constructor(private readonly digest: WeeklyDigest) {}

  handle(): Promise<DigestRun> {
    return this.digest.run();
  }
}
