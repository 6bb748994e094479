import { useEffect, useState, useSyncExternalStore } from 'react';
import type { DraftSaver, SaverOptions, SaverSnapshot, ServerDraft } from './draft-saver';
import type { JsonObject } from './merge-patch';
import { saverFor } from './savers';

export interface Autosave {
  snapshot: SaverSnapshot;
  edit: (local: JsonObject) => void;
  resolve: (itemId: string, keep: 'mine' | 'theirs') => void;
}

const idle = () => () => undefined;

/**
 * The draft's autosave for a page: its answers (the server's with what is unsent laid over them),
 * how saving goes, refused fields and conflicts. Undefined while the local copy is being read.
 */
export function useAutosave(
  userId: string,
  evaluationId: string,
  server: ServerDraft,
  describe: SaverOptions['describe'],
): Autosave | undefined {
  const [saver, setSaver] = useState<DraftSaver>();
  useEffect(() => {
    let live = true;
    void saverFor(userId, evaluationId, server, describe).then((opened) => {
      if (live) setSaver(opened);
    });
    return () => {
      live = false;
    };
    // The saver outlives the page and is opened once per user and evaluation: later server
    // reads and texts do not replace it.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- see above
  }, [userId, evaluationId]);
  useEffect(() => {
    if (!saver) return;
    const online = () => void saver.retryNow();
    window.addEventListener('online', online);
    return () => window.removeEventListener('online', online);
  }, [saver]);
  const snapshot = useSyncExternalStore(saver ? (listener) => saver.subscribe(listener) : idle, () => saver?.snapshot);
  if (!saver || !snapshot) return undefined;
  return {
    snapshot,
    edit: (local) => saver.edit(local),
    resolve: (itemId, keep) => saver.resolve(itemId, keep),
  };
}
