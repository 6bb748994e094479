import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { JsonObject } from './merge-patch';

/**
 * What this browser keeps of a draft while some of it is unsent: the server's document it last
 * knew (`base`, at `baseVersion`) and the person's (`local`). The difference is the queue.
 */
export interface StoredDraft {
  userId: string;
  evaluationId: string;
  base: JsonObject;
  baseVersion: number;
  local: JsonObject;
  /** For telling the person what is unsent (at sign-out): the round and the questions' labels. */
  title: string;
  pendingLabels: string[];
  storedAt: string;
}

/** Where unsent drafts are kept: one record per user and evaluation. */
export interface DraftStore {
  load(userId: string, evaluationId: string): Promise<StoredDraft | undefined>;
  save(draft: StoredDraft): Promise<void>;
  remove(userId: string, evaluationId: string): Promise<void>;
  /** The user's records, e.g. to say at sign-out what is unsent. */
  ofUser(userId: string): Promise<StoredDraft[]>;
}

interface DraftsDb extends DBSchema {
  drafts: { key: [string, string]; value: StoredDraft; indexes: { byUser: string } };
}

const DB_NAME = 'mesecvi-drafts';

/** The IndexedDB store (database `mesecvi-drafts`, key [userId, evaluationId]). */
export function indexedDbDraftStore(): DraftStore {
  let db: Promise<IDBPDatabase<DraftsDb>> | undefined;
  const open = () =>
    (db ??= openDB<DraftsDb>(DB_NAME, 1, {
      upgrade(database) {
        const store = database.createObjectStore('drafts', { keyPath: ['userId', 'evaluationId'] });
        store.createIndex('byUser', 'userId');
      },
    }));
  return {
    load: async (userId, evaluationId) => (await open()).get('drafts', [userId, evaluationId]),
    save: async (draft) => {
      await (await open()).put('drafts', draft);
    },
    remove: async (userId, evaluationId) => (await open()).delete('drafts', [userId, evaluationId]),
    ofUser: async (userId) => (await open()).getAllFromIndex('drafts', 'byUser', userId),
  };
}

/** A store in memory: for specs, and for a browser without IndexedDB (private modes of old ones). */
export function memoryDraftStore(): DraftStore {
  const records = new Map<string, StoredDraft>();
  const key = (userId: string, evaluationId: string) => `${userId} ${evaluationId}`;
  return {
    load: async (userId, evaluationId) => Promise.resolve(records.get(key(userId, evaluationId))),
    save: async (draft) => {
      records.set(key(draft.userId, draft.evaluationId), draft);
      return Promise.resolve();
    },
    remove: async (userId, evaluationId) => {
      records.delete(key(userId, evaluationId));
      return Promise.resolve();
    },
    ofUser: async (userId) => Promise.resolve([...records.values()].filter((r) => r.userId === userId)),
  };
}
