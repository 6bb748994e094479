import type { JobQueues } from '@mesecvi/jobs';
import { waitFor } from './wait';

/** Waits until no queue has waiting, active or delayed-and-due work left, pausing between polls. */
export async function waitForQueuesToDrain(queues: JobQueues, timeoutMs = 15000): Promise<void> {
  await waitFor(
    'queues to drain',
    async () => {
      const depths = await queues.depths();
      const busy = depths.some(
        ({ counts }) => (counts.waiting ?? 0) + (counts.active ?? 0) + (counts.prioritized ?? 0) > 0,
      );
      return busy ? undefined : true;
    },
    timeoutMs,
    200,
  );
}
