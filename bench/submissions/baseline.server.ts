// The baseline: node:http + pg doing the bare minimum of the same work — a version-checked
// UPDATE of the draft's JSON, and a submit that locks the draft, hashes its canonical JSON and
// inserts the frozen copy. No auth, no validation, no audit, no framework.
import 'reflect-metadata';
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Pool } from 'pg';
import { canonicalJson } from '@mesecvi/questionnaires';
import { serveUntilStopped } from '../harness/server-process';

const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 10 });

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

async function save(id: string, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const document = JSON.parse(await readBody(req)) as unknown;
  const expected = Number(/\d+/.exec(String(req.headers['if-match']))?.[0]);
  const result = await pool.query(
    'UPDATE answer_draft SET document = $3::jsonb, version = version + 1, updated_at = $4 WHERE evaluation_id = $1 AND version = $2 RETURNING version',
    [id, expected, JSON.stringify(document), new Date()],
  );
  if (result.rowCount === 0) {
    res.writeHead(412).end();
    return;
  }
  res
    .writeHead(200, { 'content-type': 'application/json', etag: `"${result.rows[0].version}"` })
    .end(JSON.stringify({ evaluationId: id, version: result.rows[0].version }));
}

async function submit(id: string, res: http.ServerResponse): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const { rows } = await client.query('SELECT document FROM answer_draft WHERE evaluation_id = $1 FOR UPDATE', [id]);
    const canonical = canonicalJson(rows[0].document);
    const sha256 = createHash('sha256').update(canonical).digest('hex');
    await client.query(
      'INSERT INTO bench_baseline_submission (evaluation_id, canonical_json, sha256, submitted_at) VALUES ($1, $2, $3, $4)',
      [id, canonical, sha256, new Date()],
    );
    await client.query('COMMIT');
    res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ sha256 }));
  } catch (e) {
    await client.query('ROLLBACK');
    throw e;
  } finally {
    client.release();
  }
}

const server = http.createServer((req, res) => {
  const m = /^\/(drafts|submit)\/([0-9a-f-]{36})$/.exec(req.url ?? '');
  const work =
    m?.[1] === 'drafts' && req.method === 'PUT'
      ? save(m[2], req, res)
      : m?.[1] === 'submit' && req.method === 'POST'
        ? submit(m[2], res)
        : Promise.resolve(void res.writeHead(404).end());
  work.catch((e: unknown) => {
    console.error(e);
    if (!res.headersSent) res.writeHead(500).end();
  });
});

server.listen(0, '127.0.0.1', () => {
  serveUntilStopped((server.address() as AddressInfo).port, async () => {
    server.close();
    await pool.end();
  });
});
