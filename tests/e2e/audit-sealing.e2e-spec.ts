import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService, verifyAuditChain, type AuditRecord } from '@mesecvi/audit';
import { createSuiteDatabase, startTestWorker, testConfig, waitFor, type SuiteDatabase } from '../harness';

const record = (entityId: string): AuditRecord => ({
  actor: null,
  action: 'deadline.passed',
  entity: { type: 'deadline', id: entityId },
  summary: { kind: 'response' },
  at: new Date(),
});

interface Sealed {
  id: string;
  seal_seq: string | null;
}

describe('audit sealing by the worker', () => {
  let db: SuiteDatabase;
  let worker: INestApplicationContext;
  let ds: DataSource;
  let audit: AuditService;

  beforeAll(async () => {
    db = await createSuiteDatabase();
    worker = await startTestWorker(testConfig(db.url, { AUDIT_SEAL_EVERY_MS: '200', DB_POOL_SIZE: '30' }));
    ds = worker.get(DataSource);
    audit = worker.get(AuditService);
  });
  afterAll(async () => {
    await worker?.close();
    await db?.drop();
  });

  const rows = (): Promise<Sealed[]> => ds.query('SELECT id, seal_seq FROM audit_event ORDER BY id');
  const allSealed = async (count: number): Promise<Sealed[] | undefined> => {
    const all = await rows();
    return all.length === count && all.every((r) => r.seal_seq !== null) ? all : undefined;
  };

  it('seals committed rows shortly after commit, in order, and the chain verifies', async () => {
    for (const id of ['d1', 'd2', 'd3', 'd4', 'd5']) await ds.transaction((m) => audit.record(m, record(id)));
    const sealed = await waitFor('5 sealed rows', () => allSealed(5));
    expect(sealed.map((r) => r.seal_seq)).toEqual(['1', '2', '3', '4', '5']);
    expect(await verifyAuditChain(ds, new Date())).toMatchObject({ ok: true, sealed: 5, unsealed: 0 });
  });

  it('seals a row whose transaction committed late after rows with higher ids (ids commit out of order)', async () => {
    const runner = ds.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      const early = await audit.record(runner.manager, record('slow'));
      const late = await ds.transaction((m) => audit.record(m, record('fast')));
      expect(BigInt(early)).toBeLessThan(BigInt(late));
      // The sealer does not wait for the open transaction: the later id is sealed first.
      await waitFor('the committed row sealed', async () =>
        (await rows()).find((r) => r.id === late)?.seal_seq ? true : undefined,
      );
      expect((await rows()).find((r) => r.id === early)).toBeUndefined();
      await runner.commitTransaction();
      const sealed = await waitFor('7 sealed rows', () => allSealed(7));
      const seqOf = (id: string): number => Number(sealed.find((r) => r.id === id)?.seal_seq);
      expect(seqOf(late)).toBe(6);
      expect(seqOf(early)).toBe(7);
    } finally {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      await runner.release();
    }
    expect(await verifyAuditChain(ds, new Date())).toMatchObject({ ok: true, sealed: 7 });
  });

  it('seals 20 concurrent writers (with rollbacks leaving id gaps) into a gap-free seal_seq', async () => {
    const writers = Array.from({ length: 20 }, (_, i) =>
      ds
        .transaction(async (m) => {
          await audit.record(m, record(`c${i}`));
          // Commit in a scrambled order while the sealer keeps running.
          await m.query('SELECT pg_sleep($1)', [((i * 7) % 5) / 50]);
          if (i % 5 === 4) throw new Error('rolled back on purpose');
        })
        .catch((e: unknown) => {
          if (!(e instanceof Error && e.message === 'rolled back on purpose')) throw e;
        }),
    );
    await Promise.all(writers);
    const sealed = await waitFor('23 sealed rows', () => allSealed(7 + 16), 20000);
    const seqs = sealed.map((r) => Number(r.seal_seq)).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 23 }, (_, i) => i + 1));
    // Rolled-back writers consumed ids: the ids have gaps while seal_seq has none.
    const ids = sealed.map((r) => Number(r.id));
    expect(Math.max(...ids) - Math.min(...ids) + 1).toBeGreaterThan(23);
    expect(await verifyAuditChain(ds, new Date())).toMatchObject({ ok: true, sealed: 23, unsealed: 0, broken: null });
  });
});
