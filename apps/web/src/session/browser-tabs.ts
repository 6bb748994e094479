import type { SessionMessage, TabCoordination } from './session';

const LOCK = 'mesecvi-session-refresh';
const CHANNEL = 'mesecvi-session';

/**
 * The tabs of this browser through Web Locks (one refresh at a time) and a BroadcastChannel (the
 * outcome for all). Both are in every supported browser; the fallbacks serve only this tab.
 */
export function browserTabs(): TabCoordination {
  const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL) : undefined;
  return {
    // The lock's promise settles with the task's own (a promise is never nested once awaited).
    exclusive: <T>(task: () => Promise<T>) =>
      navigator.locks ? (navigator.locks.request(LOCK, task) as Promise<T>) : task(),
    publish: (message) => channel?.postMessage(message),
    subscribe: (listener) => {
      channel?.addEventListener('message', (event: MessageEvent<SessionMessage>) => listener(event.data));
    },
  };
}
