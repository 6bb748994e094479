import type { SendFile, SendOutcome } from './upload-task';

function parseBody(text: string): unknown {
  try {
    return text ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Sends a file as the upload route takes it (the raw bytes, its name in X-Filename) through
 * XMLHttpRequest, the one browser API that reports an upload's progress. Status 0: the network
 * failed or the attempt was aborted.
 */
export function xhrSend(url: string, file: Blob, filename: string): SendFile {
  return (token, onProgress) => {
    const xhr = new XMLHttpRequest();
    const outcome = new Promise<SendOutcome>((resolve) => {
      xhr.upload.onprogress = (event) => onProgress(event.loaded, event.lengthComputable ? event.total : file.size);
      xhr.onload = () => {
        const retryAfter = Number(xhr.getResponseHeader('retry-after'));
        resolve({
          status: xhr.status,
          body: parseBody(xhr.responseText),
          retryAfterSeconds: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
          requestId: xhr.getResponseHeader('x-request-id') ?? undefined,
        });
      };
      xhr.onerror = xhr.onabort = xhr.ontimeout = () => resolve({ status: 0, body: undefined });
    });
    xhr.open('POST', url);
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.setRequestHeader('x-filename', encodeURIComponent(filename));
    if (token) xhr.setRequestHeader('authorization', `Bearer ${token}`);
    xhr.send(file);
    return { outcome, abort: () => xhr.abort() };
  };
}
