// The baseline: bare node:http answering the same JSON, with nothing but a path check.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serveUntilStopped } from '../harness/server-process';
import { HELLO_BODY, HELLO_PATH } from './hello-payload';

const server = createServer((req, res) => {
  if (req.method === 'GET' && req.url === HELLO_PATH) {
    // Serialised per request, as the frameworks do, so the baseline does no less work.
    const body = JSON.stringify(HELLO_BODY);
    res.writeHead(200, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(body),
    });
    res.end(body);
    return;
  }
  res.writeHead(404).end();
});

server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  serveUntilStopped(port, () => new Promise<void>((resolve) => server.close(() => resolve())));
});
