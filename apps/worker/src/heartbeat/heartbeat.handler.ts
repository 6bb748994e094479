import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { hostname } from 'node:os';
import { Clock } from '@mesecvi/clock';
import { JobName } from '@mesecvi/jobs';
import { HandlesJob, type JobHandler } from '../registry/job-handler.decorator';

export const WORKER_ID = `${hostname()}:${process.pid}`;

/** Records that this worker ran a scheduled job: the proof that the scheduler ticks end to end. */
@Injectable()
@HandlesJob(JobName.Heartbeat)
export class HeartbeatHandler implements JobHandler<JobName.Heartbeat> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async handle(): Promise<void> {
    const now = await this.clock.now();
    await this.dataSource.query(
      `INSERT INTO worker_heartbeat (worker_id, beat_at, beats) VALUES ($1, $2, 1)
       ON CONFLICT (worker_id) DO UPDATE SET beat_at = EXCLUDED.beat_at, beats = worker_heartbeat.beats + 1`,
      [WORKER_ID, now],
    );
  }
}
