import { spawn } from 'node:child_process';
import path from 'node:path';
import { DataSource, type EntityManager } from 'typeorm';
import { auditHash, AuditSealer, AuditService, verifyAuditChain, type AuditRecord } from '@mesecvi/audit';
import { dataSourceOptions } from '@mesecvi/database';
import { ALL_ENTITIES } from '@mesecvi/entity-registry';
import type { Caller } from '@mesecvi/http';
import { createSuiteDatabase, type SuiteDatabase } from '../harness';

const secretariat: Caller = {
  userId: '6f1c2d7e-1b1a-4b8e-9a51-0c3f2b9d8e11',
  role: 'secretariat',
  stateCode: null,
  language: 'en',
};

const event = (entityId: string, overrides: Partial<AuditRecord> = {}): AuditRecord => ({
  actor: secretariat,
  action: 'state_party.updated',
  entity: { type: 'state_party', id: entityId },
  summary: { fields: ['workingLanguage'] },
  requestId: 'req-1',
  at: new Date('2026-03-01T12:00:00.123Z'),
  ...overrides,
});

interface Row {
  id: string;
  action: string;
  entity_id: string;
  actor_user_id: string | null;
  actor_role: string | null;
  summary: Record<string, unknown>;
  request_id: string | null;
  occurred_at: Date;
  seal_seq: string | null;
  prev_hash: string | null;
  hash: string | null;
}

/** Runs `npm run audit:verify` against the suite's database, as an operator would. */
function runVerifyCommand(databaseUrl: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', 'audit:verify'], {
      cwd: path.join(__dirname, '..', '..'),
      env: { ...process.env, DATABASE_URL: databaseUrl },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('audit log: append-only rows, sealed into a verifiable hash chain', () => {
  let db: SuiteDatabase;
  let ds: DataSource;
  let audit: AuditService;
  let sealer: AuditSealer;

  beforeAll(async () => {
    db = await createSuiteDatabase();
    ds = new DataSource(
      dataSourceOptions({ database: { url: db.url, poolSize: 25, migrationsRun: false } }, ALL_ENTITIES, 'audit-suite'),
    );
    await ds.initialize();
    audit = new AuditService(ds);
    sealer = new AuditSealer(ds);
  });
  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  const rowsOf = (where = 'true', params: unknown[] = []): Promise<Row[]> =>
    ds.query(`SELECT * FROM audit_event WHERE ${where} ORDER BY id`, params);
  const inTransaction = <T>(work: (m: EntityManager) => Promise<T>): Promise<T> => ds.transaction(work);
  /** The hash a row would get at `sealSeq` after `prevHash`, computed in TypeScript. */
  const hashOf = async (id: string, sealSeq: string, prevHash: string): Promise<string> => {
    const [r]: Array<Record<string, string | null>> = await ds.query(
      `SELECT (extract(epoch FROM occurred_at) * 1000000)::bigint::text AS us, actor_user_id::text AS actor, actor_role, action, entity_type, entity_id, summary::text AS summary, request_id
       FROM audit_event WHERE id = $1`,
      [id],
    );
    return auditHash(prevHash, {
      sealSeq,
      id,
      occurredAtMicros: String(r.us),
      actorUserId: r.actor,
      actorRole: r.actor_role,
      action: String(r.action),
      entityType: String(r.entity_type),
      entityId: String(r.entity_id),
      summaryText: String(r.summary),
      requestId: r.request_id,
    });
  };

  it('connects as a superuser, so the refusals below hold even for one', async () => {
    const [me]: Array<{ rolsuper: boolean }> = await ds.query(
      'SELECT rolsuper FROM pg_roles WHERE rolname = current_user',
    );
    expect(me.rolsuper).toBe(true);
  });

  it('records an event with the business transaction: it is there after commit, unsealed', async () => {
    const id = await inTransaction((m) => audit.record(m, event('BRA')));
    expect(id).toMatch(/^[1-9][0-9]*$/);
    const [row] = await rowsOf('id = $1', [id]);
    expect(row).toMatchObject({
      action: 'state_party.updated',
      entity_id: 'BRA',
      actor_user_id: secretariat.userId,
      actor_role: 'secretariat',
      summary: { fields: ['workingLanguage'] },
      request_id: 'req-1',
      seal_seq: null,
      prev_hash: null,
      hash: null,
    });
    expect(row.occurred_at.toISOString()).toBe('2026-03-01T12:00:00.123Z');
  });

  it('records the platform itself as a null actor', async () => {
    const id = await inTransaction((m) =>
      audit.record(
        m,
        event('HTI', { actor: null, action: 'deadline.passed', summary: undefined, requestId: undefined }),
      ),
    );
    const [row] = await rowsOf('id = $1', [id]);
    expect(row).toMatchObject({ actor_user_id: null, actor_role: null, summary: {}, request_id: null });
  });

  it('leaves no row when the business transaction rolls back', async () => {
    let recorded = '';
    await expect(
      inTransaction(async (m) => {
        recorded = await audit.record(m, event('ARG'));
        throw new Error('the business change failed');
      }),
    ).rejects.toThrow('the business change failed');
    expect(recorded).not.toBe('');
    expect(await rowsOf('id = $1', [recorded])).toEqual([]);
  });

  it('refuses to record outside a transaction or with a malformed action', async () => {
    await expect(audit.record(ds.manager, event('ARG'))).rejects.toThrow(/business transaction/);
    await expect(inTransaction((m) => audit.record(m, event('ARG', { action: 'Updated State' })))).rejects.toThrow(
      /entity\.verb/,
    );
  });

  it('refuses UPDATE, DELETE and TRUNCATE, even from a superuser', async () => {
    await expect(ds.query(`UPDATE audit_event SET summary = '{"forged": true}'`)).rejects.toThrow(
      /append-only: UPDATE refused/,
    );
    await expect(ds.query('DELETE FROM audit_event')).rejects.toThrow(/append-only: DELETE refused/);
    await expect(ds.query('TRUNCATE audit_event')).rejects.toThrow(/append-only: TRUNCATE refused/);
    await expect(ds.query(`UPDATE audit_event SET hash = 'x', seal_seq = 99, prev_hash = 'y'`)).rejects.toThrow(
      /append-only/,
    );
    expect((await rowsOf()).length).toBe(2);
  });

  it('refuses a row inserted already sealed', async () => {
    await expect(
      ds.query(`INSERT INTO audit_event (occurred_at, action, entity_type, entity_id, summary, seal_seq, prev_hash, hash)
                VALUES (now(), 'x.forged', 'x', '1', '{}', 1, 'p', 'h')`),
    ).rejects.toThrow(/inserted unsealed/);
  });

  it('keeps PUBLIC from updating, deleting or truncating the table', async () => {
    const [grants]: Array<{ u: boolean; d: boolean; t: boolean }> = await ds.query(
      `SELECT has_table_privilege('public', 'audit_event', 'UPDATE') AS u, has_table_privilege('public', 'audit_event', 'DELETE') AS d,
              has_table_privilege('public', 'audit_event', 'TRUNCATE') AS t`,
    );
    expect(grants).toEqual({ u: false, d: false, t: false });
  });

  it('seals committed rows in order through audit_seal(), and the chain verifies', async () => {
    expect(await sealer.sealPending()).toBe(2);
    const rows = await rowsOf();
    expect(rows.map((r) => r.seal_seq)).toEqual(['1', '2']);
    expect(rows[0].prev_hash).toBe('0'.repeat(64));
    expect(rows[1].prev_hash).toBe(rows[0].hash);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(String(r.hash)))).toBe(true);
    expect(await sealer.sealPending()).toBe(0);
    const report = await verifyAuditChain(ds, new Date());
    expect(report).toMatchObject({ ok: true, sealed: 2, unsealed: 0, oldestUnsealedSeconds: null, broken: null });
  });

  it('hashes the same whatever the session time zone, and values that could confuse a naive serialisation', async () => {
    await inTransaction(async (m) => {
      await m.query(`SET LOCAL TIME ZONE 'Pacific/Chatham'`);
      await audit.record(
        m,
        event('a,b', {
          summary: { note: 'line\nbreak "quoted" ~ 3:x,', n: 1.5, nested: { z: [1, null] } },
          at: new Date('1969-12-31T23:59:59.999Z'),
        }),
      );
      await m.query(
        `INSERT INTO audit_event (occurred_at, action, entity_type, entity_id, summary) VALUES ('2026-01-01T00:00:00.123456Z', 'x.micro', 'x', 'é✓', '{"b":1,"a":1.0}')`,
      );
    });
    await inTransaction(async (m) => {
      await m.query(`SET LOCAL TIME ZONE 'Asia/Kathmandu'`);
      await m.query('SELECT audit_seal(10)');
    });
    expect(await verifyAuditChain(ds, new Date())).toMatchObject({ ok: true, sealed: 4 });
  });

  it('lets no one rewrite a seal, even by raising the sealing flag by hand', async () => {
    const [sealed] = await rowsOf('seal_seq = 1');
    const asSealer = (sql: string, params: unknown[] = []): Promise<unknown> =>
      inTransaction(async (m) => {
        await m.query(`SELECT set_config('mesecvi.audit_sealing', 'on', true)`);
        return m.query(sql, params);
      });
    await expect(asSealer(`UPDATE audit_event SET hash = repeat('f', 64) WHERE id = $1`, [sealed.id])).rejects.toThrow(
      /already sealed/,
    );
    await expect(
      asSealer(`UPDATE audit_event SET seal_seq = NULL, prev_hash = NULL, hash = NULL WHERE id = $1`, [sealed.id]),
    ).rejects.toThrow(/already sealed/);

    const unsealed = await inTransaction((m) => audit.record(m, event('CHL')));
    const [head]: Array<{ seal_seq: string; hash: string }> = await ds.query(
      'SELECT seal_seq, hash FROM audit_event WHERE seal_seq IS NOT NULL ORDER BY seal_seq DESC LIMIT 1',
    );
    const next = String(Number(head.seal_seq) + 1);
    // A forged hash, a skipped sequence number, a wrong link, or a changed content column: all refused.
    await expect(
      asSealer(`UPDATE audit_event SET seal_seq = $2, prev_hash = $3, hash = repeat('a', 64) WHERE id = $1`, [
        unsealed,
        next,
        head.hash,
      ]),
    ).rejects.toThrow(/must extend the chain head/);
    // Even the right hash for the row is refused under a sequence number that skips ahead.
    const skipped = String(Number(next) + 1);
    await expect(
      asSealer(`UPDATE audit_event SET seal_seq = $2, prev_hash = $3, hash = $4 WHERE id = $1`, [
        unsealed,
        skipped,
        head.hash,
        await hashOf(unsealed, skipped, head.hash),
      ]),
    ).rejects.toThrow(/must extend the chain head/);
    await expect(
      asSealer(`UPDATE audit_event SET seal_seq = $2, prev_hash = repeat('b', 64), hash = 'h' WHERE id = $1`, [
        unsealed,
        next,
      ]),
    ).rejects.toThrow(/must extend the chain head/);
    await expect(
      asSealer(`UPDATE audit_event SET summary = '{"forged": true}' WHERE id = $1`, [unsealed]),
    ).rejects.toThrow(/may set only seal_seq, prev_hash and hash/);
    // The flag is transaction-local: outside it, the plain refusal applies again.
    await expect(ds.query(`UPDATE audit_event SET summary = '{}' WHERE id = $1`, [unsealed])).rejects.toThrow(
      /append-only/,
    );

    expect(await sealer.sealPending()).toBe(1);
    const [after] = await rowsOf('id = $1', [sealed.id]);
    expect(after.hash).toBe(sealed.hash);
    expect(await verifyAuditChain(ds, new Date())).toMatchObject({ ok: true, sealed: 5, unsealed: 0 });
  });

  it('reports unsealed rows and their age', async () => {
    const at = new Date(Date.now() - 90_000);
    await inTransaction((m) => audit.record(m, event('PER', { at })));
    const report = await verifyAuditChain(ds, new Date());
    expect(report).toMatchObject({ ok: true, sealed: 5, unsealed: 1 });
    expect(report.oldestUnsealedSeconds).toBeGreaterThanOrEqual(89);
    expect(report.oldestUnsealedSeconds).toBeLessThan(200);
    await sealer.sealPending();
  });

  it('`npm run audit:verify` prints OK on an intact chain and exits 0', async () => {
    const run = await runVerifyCommand(db.url);
    expect({ code: run.code, stderr: run.stderr.replace(/^npm warn .*\n/gim, '') }).toEqual({ code: 0, stderr: '' });
    expect(run.stdout.trim()).toBe('audit chain OK: 6 sealed events, 0 unsealed');
  });

  it('detects a superuser who disables the triggers to rewrite a summary, naming the first broken seal_seq', async () => {
    const [victim] = await rowsOf('seal_seq = 3');
    await ds.query('ALTER TABLE audit_event DISABLE TRIGGER USER');
    try {
      await ds.query(`UPDATE audit_event SET summary = '{"fields": ["nothing"]}' WHERE seal_seq IN (3, 5)`);
    } finally {
      await ds.query('ALTER TABLE audit_event ENABLE TRIGGER USER');
    }
    const report = await verifyAuditChain(ds, new Date());
    expect(report.ok).toBe(false);
    expect(report.sealed).toBe(2);
    expect(report.broken).toMatchObject({ sealSeq: '3', id: victim.id, problem: 'hash', actual: victim.hash });

    const run = await runVerifyCommand(db.url);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`audit chain BROKEN at seal_seq 3 (id ${victim.id}): hash mismatch`);
  });

  it('detects a deleted row as a gap in seal_seq', async () => {
    await ds.query('ALTER TABLE audit_event DISABLE TRIGGER USER');
    try {
      await ds.query('DELETE FROM audit_event WHERE seal_seq = 2');
    } finally {
      await ds.query('ALTER TABLE audit_event ENABLE TRIGGER USER');
    }
    const report = await verifyAuditChain(ds, new Date());
    expect(report.broken).toMatchObject({ sealSeq: '3', problem: 'seal_seq', expected: '2' });
  });
});
