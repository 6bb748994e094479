import { checkBeforeSending } from './preflight';
import { TimeLeft } from './time-left';
import { UploadTask, type SendOutcome, type UploadEnvironment, type UploadPhase } from './upload-task';

const attachment = { id: 'a1', filename: 'loi.pdf', sizeBytes: 10, sha256: 'f'.repeat(64) };

/** An environment whose attempts answer the given outcomes in turn, and whose network and clock the test moves. */
function environment(outcomes: SendOutcome[]) {
  const sentWith: Array<string | undefined> = [];
  const waits: number[] = [];
  let online = true;
  const onlineListeners: Array<() => void> = [];
  const offlineListeners = new Set<() => void>();
  const refresh = jest.fn((stale: string | undefined) => Promise.resolve(stale === 'old' ? 'new' : undefined));
  const env: UploadEnvironment = {
    send: (token, onProgress) => {
      sentWith.push(token);
      onProgress(5, 10);
      const next = outcomes.shift();
      if (!next) throw new Error('no more outcomes');
      return { outcome: Promise.resolve(next), abort: () => undefined };
    },
    token: () => 'old',
    refresh,
    online: () => online,
    whenOnline: () => new Promise<void>((resolve) => onlineListeners.push(resolve)),
    onOffline: (listener) => {
      offlineListeners.add(listener);
      return () => offlineListeners.delete(listener);
    },
    wait: (ms) => {
      waits.push(ms);
      return Promise.resolve();
    },
    now: () => 0,
  };
  const goOnline = () => {
    online = true;
    for (const listener of onlineListeners.splice(0)) listener();
  };
  const setOffline = () => {
    online = false;
    for (const listener of offlineListeners) listener();
  };
  return { env, refresh, sentWith, waits, setOffline, goOnline };
}

async function run(env: UploadEnvironment): Promise<UploadPhase[]> {
  const phases: UploadPhase[] = [];
  await new UploadTask(env, (phase) => phases.push(phase)).run();
  return phases;
}

describe('an upload on a slow or unreliable link', () => {
  it('refreshes an expired token once and sends the same file again', async () => {
    const { env, refresh, sentWith } = environment([
      { status: 401, body: undefined },
      { status: 201, body: attachment },
    ]);
    const phases = await run(env);
    expect(sentWith).toEqual(['old', 'new']);
    expect(refresh).toHaveBeenCalledWith('old');
    expect(phases.at(-1)).toEqual({ kind: 'done', attachment });
  });

  it('stops when the session is over (a second 401 after a refresh, or no new token)', async () => {
    const again = environment([
      { status: 401, body: undefined },
      { status: 401, body: undefined },
    ]);
    expect((await run(again.env)).at(-1)).toEqual({ kind: 'refused', reason: 'signed-out' });
    expect(again.sentWith).toEqual(['old', 'new']);
  });

  it('waits for the network after a lost connection, then restarts by itself', async () => {
    const net = environment([
      { status: 0, body: undefined },
      { status: 201, body: attachment },
    ]);
    const phases: UploadPhase[] = [];
    const originalSend = net.env.send;
    let attempts = 0;
    net.env.send = (token, onProgress) => {
      attempts += 1;
      // The browser says offline as the first attempt fails.
      if (attempts === 1) net.setOffline();
      return originalSend(token, onProgress);
    };
    const done = new UploadTask(net.env, (phase) => phases.push(phase)).run();
    while (phases.at(-1)?.kind !== 'waiting-network') await Promise.resolve();
    expect(net.sentWith).toHaveLength(1);
    net.goOnline();
    await done;
    expect(net.sentWith).toHaveLength(2);
    expect(phases.at(-1)).toEqual({ kind: 'done', attachment });
  });

  it('ends an attempt the moment the browser says the network is gone, and sends again when it returns', async () => {
    const net = environment([]);
    let resolveFirst: ((outcome: SendOutcome) => void) | undefined;
    let attempts = 0;
    net.env.send = (_token, onProgress) => {
      attempts += 1;
      onProgress(3, 10);
      if (attempts === 1) {
        // A stalled connection: no answer until aborted.
        const outcome = new Promise<SendOutcome>((resolve) => (resolveFirst = resolve));
        return { outcome, abort: () => resolveFirst?.({ status: 0, body: undefined }) };
      }
      return { outcome: Promise.resolve({ status: 201, body: attachment }), abort: () => undefined };
    };
    const phases: UploadPhase[] = [];
    const done = new UploadTask(net.env, (phase) => phases.push(phase)).run();
    while (phases.at(-1)?.kind !== 'sending' || attempts === 0) await Promise.resolve();
    net.setOffline();
    while (phases.at(-1)?.kind !== 'waiting-network') await Promise.resolve();
    net.goOnline();
    await done;
    expect(attempts).toBe(2);
    expect(phases.at(-1)).toEqual({ kind: 'done', attachment });
  });

  it('retries a busy api after its Retry-After, and a failing link with growing pauses', async () => {
    const { env, waits } = environment([
      { status: 429, body: undefined, retryAfterSeconds: 7 },
      { status: 0, body: undefined },
      { status: 503, body: undefined },
      { status: 201, body: attachment },
    ]);
    expect((await run(env)).at(-1)).toEqual({ kind: 'done', attachment });
    expect(waits).toEqual([7000, 2000, 4000]);
  });

  it.each([
    [413, 'too-large'],
    [415, 'wrong-type'],
    [422, 'failed'],
    [403, 'failed'],
  ])('stops at a refusal: %i is %s, with the request id', async (status, reason) => {
    const { env, sentWith } = environment([{ status, body: undefined, requestId: 'req-1' }]);
    expect((await run(env)).at(-1)).toEqual({ kind: 'refused', reason, requestId: 'req-1' });
    expect(sentWith).toHaveLength(1);
  });

  it('reports progress as it sends', async () => {
    const { env } = environment([{ status: 201, body: attachment }]);
    expect(await run(env)).toContainEqual({ kind: 'sending', sent: 5, total: 10, secondsLeft: undefined });
  });
});

describe('time left', () => {
  it('says nothing in the first second, then follows the recent rate', () => {
    const estimate = new TimeLeft(0);
    const total = 25 * 1024 * 1024;
    expect(estimate.update(500, 50_000, total)).toBeUndefined();
    // 100 bytes/ms (about 100 KB/s) over the first 2 s.
    expect(estimate.update(2_000, 200_000, total)).toBe(Math.ceil((total - 200_000) / 100 / 1000));
    // The link slows down to a tenth for 20 s: the estimate follows it, not the average since the start.
    expect(estimate.update(12_000, 300_000, total)).toBe(Math.ceil((total - 300_000) / 10 / 1000));
    expect(estimate.update(22_000, 400_000, total)).toBe(Math.ceil((total - 400_000) / 10 / 1000));
  });
});

describe('checking a file before sending it', () => {
  const limits = { maxBytes: 1000, types: [{ mediaType: 'application/pdf', extensions: ['pdf'] }] };
  it.each([
    [{ name: 'loi.PDF', size: 1000 }, undefined],
    [{ name: 'loi.pdf', size: 1001 }, 'too-large'],
    [{ name: 'loi.exe', size: 10 }, 'wrong-type'],
    [{ name: 'loi', size: 10 }, 'wrong-type'],
    [{ name: 'loi.pdf', size: 0 }, 'empty'],
  ])('%o → %s', (file, refusal) => {
    expect(checkBeforeSending(file, limits)).toBe(refusal);
  });
});
