import { useQuery } from '@tanstack/react-query';
import { api, session } from '../api';
import { call } from '../errors/api-error';
import type { UploadEnvironment } from './upload-task';

export const attachmentsKey = (evaluationId: string) => ['evaluation', evaluationId, 'attachments'] as const;

/** The evaluation's files, for the picker and for naming the cited ones. */
export function useAttachments(evaluationId: string) {
  return useQuery({
    queryKey: attachmentsKey(evaluationId),
    queryFn: () => call(api.GET('/evaluations/{id}/attachments', { params: { path: { id: evaluationId } } })),
  });
}

/** The size and kinds of file the api takes: the same for every evaluation, read once. */
export function useEvidenceLimits() {
  return useQuery({
    queryKey: ['evidence-limits'],
    queryFn: () => call(api.GET('/attachments/limits')),
    staleTime: Infinity,
  });
}

/** The browser's side of an upload: this tab's session, its network events and its clock. */
export function browserUploadEnvironment(send: UploadEnvironment['send']): UploadEnvironment {
  return {
    send,
    token: () => session.accessToken,
    refresh: async (stale) => (await session.refresh(stale))?.accessToken,
    online: () => navigator.onLine,
    whenOnline: () =>
      new Promise<void>((resolve) => window.addEventListener('online', () => resolve(), { once: true })),
    onOffline: (listener) => {
      window.addEventListener('offline', listener);
      return () => window.removeEventListener('offline', listener);
    },
    wait: (ms) => new Promise<void>((resolve) => window.setTimeout(resolve, ms)),
    now: () => performance.now(),
  };
}

/**
 * Downloads a file through the typed client (its bearer token, and one refresh on a 401): the
 * token lives in memory only, so a plain link to the route could not carry it. The bytes become a
 * blob the browser saves under the file's own name.
 */
export async function downloadAttachment(id: string, filename: string): Promise<void> {
  const blob = await call(api.GET('/attachments/{id}', { params: { path: { id } }, parseAs: 'blob' }));
  const href = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // The click has handed the blob to the download; the address is not needed after this turn.
  window.setTimeout(() => URL.revokeObjectURL(href), 0);
}
