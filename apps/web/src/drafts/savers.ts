import { api } from '../api';
import { call } from '../errors/api-error';
import { indexedDbDraftStore, memoryDraftStore, type DraftStore, type StoredDraft } from './draft-store';
import { DraftSaver, type DraftTransport, type SaverOptions, type ServerDraft } from './draft-saver';

/** Two seconds of quiet after typing, at most ten seconds of typing between two saves. */
const DELAY_MS = 2_000;
const MAX_WAIT_MS = 10_000;
/**
 * A browser may shorten the quiet time (`localStorage['mesecvi.autosaveDelayMs']`): the browser
 * tests drive many save cycles without waiting seconds for each.
 */
const DELAY_SETTING = 'mesecvi.autosaveDelayMs';

function delayMs(): number {
  const set = Number(globalThis.localStorage?.getItem(DELAY_SETTING) ?? NaN);
  return Number.isFinite(set) && set >= 0 ? set : DELAY_MS;
}

const store: DraftStore = typeof indexedDB === 'undefined' ? memoryDraftStore() : indexedDbDraftStore();
const savers = new Map<string, Promise<DraftSaver>>();

function draftTransport(evaluationId: string): DraftTransport {
  const path = { id: evaluationId };
  return {
    read: async () => {
      const draft = await call(api.GET('/evaluations/{id}/draft', { params: { path } }));
      return { document: draft.document, version: draft.version };
    },
    patch: async (patch, version) =>
      call(
        api.PATCH('/evaluations/{id}/draft', {
          params: { path, header: { 'If-Match': `"${version}"` } },
          body: patch,
          headers: { 'content-type': 'application/merge-patch+json' },
        }),
      ),
  };
}

/** This tab's saver of a draft (one per user and evaluation, shared by its sections' pages). */
export function saverFor(
  userId: string,
  evaluationId: string,
  server: ServerDraft,
  describe: SaverOptions['describe'],
): Promise<DraftSaver> {
  const key = `${userId} ${evaluationId}`;
  let saver = savers.get(key);
  if (!saver) {
    saver = DraftSaver.open(
      {
        userId,
        evaluationId,
        transport: draftTransport(evaluationId),
        store,
        delayMs: delayMs(),
        maxWaitMs: MAX_WAIT_MS,
        describe,
      },
      server,
    );
    savers.set(key, saver);
    saver.catch(() => savers.delete(key));
  }
  return saver;
}

/** Sends what every saver of this tab holds (e.g. before signing out). */
export async function flushAll(): Promise<void> {
  const open = await Promise.all([...savers.values()].map((saver) => saver.catch(() => undefined)));
  await Promise.all(open.map(async (saver) => (saver ? saver.retryNow().then(() => saver.settled()) : undefined)));
}

/** The user's drafts with something unsent, in this browser. */
export async function unsentDrafts(userId: string): Promise<StoredDraft[]> {
  return store.ofUser(userId).catch(() => []);
}

/** Signing out with nothing unsent: this tab's savers end and the user's local copies go. */
export async function forgetDrafts(userId: string): Promise<void> {
  for (const [key, saver] of savers)
    if (key.startsWith(`${userId} `)) {
      savers.delete(key);
      void saver.then((s) => s.dispose()).catch(() => undefined);
    }
  const records = await unsentDrafts(userId);
  await Promise.all(records.map((record) => store.remove(userId, record.evaluationId).catch(() => undefined)));
}
