import { ApiError } from '../errors/api-error';
import { memoryDraftStore } from './draft-store';
import { DraftSaver, type DraftTransport } from './draft-saver';
import { applyMergePatch, type JsonObject } from './merge-patch';

/** A draft api in memory: versions, If-Match, and a 422 for any `url` without "://". */
class FakeDraftApi implements DraftTransport {
  document: JsonObject = {};
  version = 0;
  statuses: number[] = [];
  offline = false;

  read() {
    return Promise.resolve({ document: this.document, version: this.version });
  }

  async patch(patch: JsonObject, version: number) {
    await new Promise((resolve) => setTimeout(resolve, 5));
    if (this.offline) throw new ApiError(0, undefined, undefined);
    if (version !== this.version) return this.refuse(412, []);
    const next = applyMergePatch(this.document, patch) as JsonObject;
    const bad = Object.entries(next).flatMap(([id, item]) => {
      const url = (item as { url?: string }).url;
      return url !== undefined && !url.includes('://')
        ? [{ pointer: `/${id}/url`, keyword: 'format', message: 'x' }]
        : [];
    });
    if (bad.length > 0) return this.refuse(422, bad);
    this.document = next;
    this.version += 1;
    this.statuses.push(200);
    return { version: this.version, updatedAt: new Date().toISOString() };
  }

  /** Someone else's save. */
  save(document: JsonObject) {
    this.document = document;
    this.version += 1;
  }

  private refuse(status: number, errors: Array<{ pointer: string; keyword: string; message: string }>): never {
    this.statuses.push(status);
    throw new ApiError(status, { type: 'x', title: 'x', status, code: 'validation_failed', errors }, 'r');
  }
}

async function open(api: FakeDraftApi, store = memoryDraftStore()) {
  const saver = await DraftSaver.open(
    {
      userId: 'u',
      evaluationId: 'e',
      transport: api,
      store,
      delayMs: 0,
      maxWaitMs: 100,
      describe: (pending) => ({ title: 'Round', pendingLabels: pending }),
    },
    await api.read(),
  );
  return { saver, store };
}

const settled = async (saver: DraftSaver) => {
  for (let i = 0; i < 200 && saver.snapshot.status !== 'saved' && saver.snapshot.conflicts.length === 0; i++)
    await new Promise((resolve) => setTimeout(resolve, 2));
};

describe('the autosave of one draft', () => {
  it('coalesces changes made during a save: typing on through many saves never meets a 412', async () => {
    const api = new FakeDraftApi();
    const { saver, store } = await open(api);
    let text = '';
    for (let i = 0; i < 60; i++) {
      text += 'a';
      saver.edit({ A: { comment: text } });
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    await settled(saver);
    expect(api.document).toEqual({ A: { comment: text } });
    expect(api.statuses.filter((s) => s === 412)).toEqual([]);
    expect(api.statuses.length).toBeGreaterThan(1);
    expect(api.statuses.length).toBeLessThan(60);
    expect(await store.load('u', 'e')).toBeUndefined();
  });

  it("rebases over another person's save of other items without asking; the same item asks", async () => {
    const api = new FakeDraftApi();
    const { saver } = await open(api);
    api.save({ B: { answer: 'theirs' } });
    saver.edit({ A: { answer: 'mine' } });
    await settled(saver);
    expect(api.document).toEqual({ A: { answer: 'mine' }, B: { answer: 'theirs' } });
    expect(saver.snapshot.local).toEqual(api.document);

    api.save({ ...api.document, A: { answer: 'theirs' } });
    saver.edit({ ...saver.snapshot.local, A: { answer: 'mine again' } });
    await settled(saver);
    expect(saver.snapshot.conflicts).toEqual([
      { itemId: 'A', mine: { answer: 'mine again' }, theirs: { answer: 'theirs' } },
    ]);
    expect(api.document.A).toEqual({ answer: 'theirs' });
    saver.resolve('A', 'mine');
    await settled(saver);
    expect(api.document.A).toEqual({ answer: 'mine again' });
  });

  it('holds back a refused field with its rule and saves the rest', async () => {
    const api = new FakeDraftApi();
    const { saver, store } = await open(api);
    saver.edit({ A: { url: 'htt', name: 'Law' }, B: { comment: 'kept' } });
    await settled(saver);
    expect(api.document).toEqual({ A: { name: 'Law' }, B: { comment: 'kept' } });
    expect(saver.snapshot.problems).toEqual([{ pointer: '/A/url', rule: 'format' }]);
    expect((await store.load('u', 'e'))?.local).toEqual({ A: { url: 'htt', name: 'Law' }, B: { comment: 'kept' } });
    saver.edit({ A: { url: 'https://x.example', name: 'Law' }, B: { comment: 'kept' } });
    await settled(saver);
    expect(saver.snapshot.problems).toEqual([]);
    expect(api.document.A).toEqual({ url: 'https://x.example', name: 'Law' });
  });

  it('keeps what is unsent in the store while offline, and a new saver sends it', async () => {
    const api = new FakeDraftApi();
    const { saver, store } = await open(api);
    api.offline = true;
    saver.edit({ A: { comment: 'offline' } });
    for (let i = 0; i < 50 && saver.snapshot.status !== 'offline'; i++) await new Promise((r) => setTimeout(r, 2));
    expect(saver.snapshot.status).toBe('offline');
    saver.dispose();
    expect((await store.load('u', 'e'))?.pendingLabels).toEqual(['A']);
    api.offline = false;
    const reopened = await open(api, store);
    await settled(reopened.saver);
    expect(api.document).toEqual({ A: { comment: 'offline' } });
    await reopened.saver.settled();
    expect(await store.load('u', 'e')).toBeUndefined();
  });
});
