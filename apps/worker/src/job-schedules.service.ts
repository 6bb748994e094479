import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@mesecvi/config';
import { JOB_QUEUE, JobName, JobQueues } from '@mesecvi/jobs';

/**
 * The one place recurring jobs are declared (ANCHORS: concurrent upserts from many places have
 * duplicated or stopped schedulers). Upserting by a fixed id is idempotent across restarts.
 */
@Injectable()
export class JobSchedules implements OnApplicationBootstrap {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly queues: JobQueues,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queues
      .queue(JOB_QUEUE[JobName.Heartbeat])
      .upsertJobScheduler('heartbeat', { every: this.config.worker.heartbeatEveryMs }, { name: JobName.Heartbeat, data: {} });
  }
}
