import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ClockService } from '@mesecvi/clock';
import { JobName, JobQueues } from '@mesecvi/jobs';
import {
  createSuiteDatabase,
  startTestWorker,
  testConfig,
  waitFor,
  waitForQueuesToDrain,
  type SuiteDatabase,
} from '../harness';

interface Beat {
  beat_at: Date;
  beats: number;
}

describe('worker: scheduled jobs run end to end on real Redis and PostgreSQL', () => {
  let db: SuiteDatabase;
  let worker: INestApplicationContext;
  let ds: DataSource;

  beforeAll(async () => {
    db = await createSuiteDatabase();
    worker = await startTestWorker(testConfig(db.url, { HEARTBEAT_EVERY_MS: '1000' }));
    ds = worker.get(DataSource);
  });
  afterAll(async () => {
    await worker?.close();
    await db?.drop();
  });

  const latestBeat = async (): Promise<Beat | undefined> => {
    const rows: Beat[] = await ds.query('SELECT beat_at, beats FROM worker_heartbeat ORDER BY beat_at DESC LIMIT 1');
    return rows[0];
  };

  it('runs the heartbeat scheduler and records beats', async () => {
    const beat = await waitFor('two heartbeats', async () => {
      const b = await latestBeat();
      return b && b.beats >= 2 ? b : undefined;
    });
    expect(Math.abs(beat.beat_at.getTime() - Date.now())).toBeLessThan(10000);
  });

  it('reads time from the shared clock: moving it moves what the worker records', async () => {
    const clock = worker.get(ClockService);
    await clock.advance(3 * 24 * 3600 * 1000);
    const beat = await waitFor('a heartbeat in moved time', async () => {
      const b = await latestBeat();
      return b && b.beat_at.getTime() > Date.now() + 2 * 24 * 3600 * 1000 ? b : undefined;
    });
    expect(beat.beat_at.getTime()).toBeGreaterThan(Date.now() + 2 * 24 * 3600 * 1000);
    await clock.advance(-3 * 24 * 3600 * 1000);
  });

  it('processes a job enqueued by name and the queues drain', async () => {
    const queues = worker.get(JobQueues);
    const before = (await latestBeat())?.beats ?? 0;
    await queues.enqueue(JobName.Heartbeat, {});
    await waitForQueuesToDrain(queues);
    const after = await waitFor('the enqueued beat', async () => {
      const b = await latestBeat();
      return b && b.beats > before ? b : undefined;
    });
    expect(after.beats).toBeGreaterThan(before);
  });
});
