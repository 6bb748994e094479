import type { INestApplicationContext } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Clock, ClockService } from '@mesecvi/clock';
import type { AppConfig } from '@mesecvi/config';
import { JobQueues } from '@mesecvi/jobs';
import { InvalidMailError, Outbox, type StagedMail } from '@mesecvi/mail';
import { OutboxDrainer } from '../../apps/worker/src/mail/outbox-drainer.service';
import {
  createSuiteDatabase,
  MailSink,
  sleep,
  startTestApi,
  startTestWorker,
  testConfig,
  waitFor,
  waitForQueuesToDrain,
  type SuiteDatabase,
  type TestApi,
} from '../harness';

interface Row {
  id: string;
  status: string;
  attempts: number;
  language: string;
  message_id: string;
  smtp_response: string | null;
  last_error: string | null;
  sent_at: Date | null;
  payload: Record<string, unknown>;
}

const inAWeek = '2026-03-15T21:00:00.000Z';

describe('outbox: committed mail is sent once, in its language, through the real SMTP sink', () => {
  const sink = new MailSink();
  let db: SuiteDatabase;
  let config: AppConfig;
  let api: TestApi;
  let worker: INestApplicationContext;
  let ds: DataSource;
  let outbox: Outbox;
  let clock: Clock;

  beforeAll(async () => {
    db = await createSuiteDatabase();
    config = testConfig(db.url, { MAIL_RETRY_BASE_MS: '200', MAIL_MAX_ATTEMPTS: '3', OUTBOX_SWEEP_EVERY_MS: '300' });
    api = await startTestApi(config);
    worker = await startTestWorker(config);
    ds = api.app.get(DataSource);
    outbox = api.app.get(Outbox);
    clock = api.app.get(Clock);
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await db?.drop();
  });

  const address = (label: string): string => `${label}.${randomBytes(4).toString('hex')}@example.test`;

  const invitation = (
    to: string,
    overrides: Partial<Extract<StagedMail, { template: 'invitation' }>> = {},
  ): StagedMail => ({
    kind: 'invitation',
    template: 'invitation',
    language: 'en',
    to: { address: to, name: 'Ana Pérez', role: 'state_focal_point' },
    stateCode: 'ARG',
    related: { type: 'user_account', id: '6f1c2d7e-1b1a-4b8e-9a51-0c3f2b9d8e11' },
    payload: {
      recipientName: 'Ana Pérez',
      roleLabel: 'national focal point',
      stateName: 'Argentina',
      link: 'https://platform.example.org/accept?token=t0k3n',
      expiresAt: inAWeek,
    },
    ...overrides,
  });

  /** What a service does: stage in its transaction, wake after commit. */
  const stageAndWake = async (mail: StagedMail): Promise<string> => {
    const id = await ds.transaction(async (manager) => outbox.stage(manager, mail, await clock.now()));
    await outbox.wake([id]);
    return id;
  };

  const rowOf = async (id: string): Promise<Row | undefined> =>
    ((await ds.query('SELECT * FROM outbox_message WHERE id = $1', [id])) as Row[])[0];

  const waitForStatus = (id: string, status: string, timeoutMs = 15000): Promise<Row> =>
    waitFor(
      `outbox row ${id} to be ${status}`,
      async () => {
        const row = await rowOf(id);
        return row?.status === status ? row : undefined;
      },
      timeoutMs,
      100,
    );

  it('sends a mail staged in a committed transaction, in the recipient language, and records it', async () => {
    const to = address('es');
    const id = await stageAndWake(
      invitation(to, {
        language: 'es',
        payload: {
          recipientName: 'Ana Pérez',
          roleLabel: 'punto focal nacional',
          stateName: 'Argentina',
          link: 'https://platform.example.org/accept?token=t0k3n',
          expiresAt: inAWeek,
        },
      }),
    );
    const [mail] = await sink.waitForMailTo(to);
    expect(mail.subject).toBe('Invitación a la Plataforma de Seguimiento del MESECVI – Argentina');
    expect(mail.text).toContain('Estimado/a Ana Pérez:');
    expect(mail.text).toContain('en calidad de punto focal nacional por Argentina');
    expect(mail.text).toContain('https://platform.example.org/accept?token=t0k3n');
    expect(mail.text).toMatch(/válido hasta el 15 de marzo de 2026/);
    expect(mail.html).toContain('<html lang="es">');
    expect(mail.to[0]).toMatchObject({ address: to, name: 'Ana Pérez' });

    const row = await waitForStatus(id, 'sent');
    expect(row.attempts).toBe(1);
    expect(row.smtp_response).toMatch(/^250/);
    expect(row.sent_at).toBeInstanceOf(Date);
    expect(row.message_id).toBe(`<${id}@mesecvi.localhost>`);
    expect(mail.headers['message-id']).toBe(row.message_id);
    expect(mail.headers['content-language']).toBe('es');
    // The single-use link does not outlive the send in the ledger.
    expect(row.payload).not.toHaveProperty('link');
    expect(row.payload).toMatchObject({ recipientName: 'Ana Pérez' });
  });

  it('keeps UTF-8 subjects intact: "Haïti" and "São Cristóvão e Névis"', async () => {
    const hti = address('hti');
    const kna = address('kna');
    await stageAndWake(
      invitation(hti, {
        language: 'fr',
        stateCode: 'HTI',
        payload: {
          recipientName: 'Marie-Claire Étienne',
          roleLabel: 'point focal national',
          stateName: 'Haïti',
          link: 'https://platform.example.org/a?t=1',
          expiresAt: inAWeek,
        },
      }),
    );
    await stageAndWake(
      invitation(kna, {
        language: 'pt',
        stateCode: 'KNA',
        payload: {
          recipientName: 'João',
          roleLabel: 'ponto focal nacional',
          stateName: 'São Cristóvão e Névis',
          link: 'https://platform.example.org/a?t=2',
          expiresAt: inAWeek,
        },
      }),
    );
    const [fr] = await sink.waitForMailTo(hti);
    const [pt] = await sink.waitForMailTo(kna);
    expect(fr.subject).toBe('Invitation à la Plateforme de suivi du MESECVI – Haïti');
    expect(fr.text).toContain('Bonjour Marie-Claire Étienne,');
    expect(pt.subject).toBe('Convite para a Plataforma de Acompanhamento do MESECVI – São Cristóvão e Névis');
    expect(pt.text).toContain('como ponto focal nacional de São Cristóvão e Névis');
  });

  it('sends a password reset with every prop escaped in the HTML part', async () => {
    const to = address('reset');
    await stageAndWake({
      kind: 'password_reset',
      template: 'password_reset',
      language: 'en',
      to: { address: to },
      payload: {
        recipientName: '<b>Eve</b> & co',
        link: 'https://platform.example.org/reset?token=a&b=c',
        expiresAt: inAWeek,
      },
    });
    const [mail] = await sink.waitForMailTo(to);
    expect(mail.subject).toBe('Reset your password – MESECVI Follow-up Platform');
    expect(mail.html).toContain('Dear &lt;b&gt;Eve&lt;/b&gt; &amp; co,');
    expect(mail.html).toContain('href="https://platform.example.org/reset?token=a&amp;b=c"');
    expect(mail.text).toContain('Dear <b>Eve</b> & co,');
  });

  it('never sends a mail staged in a rolled-back transaction, even if a careless caller wakes it', async () => {
    const to = address('rolledback');
    let stagedId = '';
    await expect(
      ds.transaction(async (manager) => {
        stagedId = await outbox.stage(manager, invitation(to), await clock.now());
        throw new Error('business rule failed after staging');
      }),
    ).rejects.toThrow('business rule failed after staging');
    expect(stagedId).not.toBe('');
    expect(await rowOf(stagedId)).toBeUndefined();
    await outbox.wake([stagedId]);

    // A mail committed afterwards goes through the same drain: once it has arrived, and the queue
    // and a sweep have run, the rolled-back one would have arrived too if it could.
    const marker = address('after-rollback');
    const markerId = await stageAndWake(invitation(marker));
    await sink.waitForMailTo(marker);
    await waitForStatus(markerId, 'sent');
    await waitForQueuesToDrain(worker.get(JobQueues));
    await sleep(2 * config.mail.sweepEveryMs);
    expect(await sink.to(to)).toHaveLength(0);
  });

  it('refuses to stage a payload its template cannot render, failing the caller transaction', async () => {
    const to = address('invalid');
    const bad = {
      ...invitation(to),
      payload: { recipientName: 'X', link: 'javascript:alert(1)', expiresAt: inAWeek },
    } as unknown as StagedMail;
    await expect(ds.transaction(async (manager) => outbox.stage(manager, bad, await clock.now()))).rejects.toThrow(
      InvalidMailError,
    );
    await expect(
      ds.transaction(async (manager) => outbox.stage(manager, invitation('not-an-address'), await clock.now())),
    ).rejects.toThrow(InvalidMailError);
    expect(await ds.query('SELECT 1 FROM outbox_message WHERE recipient_address = $1', [to])).toHaveLength(0);
  });

  it('sends a committed mail nobody woke, through the sweep (a lost wake-up loses nothing)', async () => {
    const to = address('unwoken');
    const id = await ds.transaction(async (manager) => outbox.stage(manager, invitation(to), await clock.now()));
    const [mail] = await sink.waitForMailTo(to);
    expect(mail.subject).toBe('Invitation to the MESECVI Follow-up Platform – Argentina');
    expect((await waitForStatus(id, 'sent')).attempts).toBe(1);
  });

  it('waits for a mail whose next attempt is in the future, and sends it when the clock gets there', async () => {
    const to = address('later');
    const id = await ds.transaction(async (manager) => {
      const staged = await outbox.stage(manager, invitation(to), await clock.now());
      await manager.query(
        `UPDATE outbox_message SET next_attempt_at = next_attempt_at + interval '1 hour' WHERE id = $1`,
        [staged],
      );
      return staged;
    });
    await outbox.wake([id]);
    await sleep(3 * config.mail.sweepEveryMs);
    expect((await rowOf(id))?.status).toBe('pending');
    expect(await sink.to(to)).toHaveLength(0);
    // The clock is shared through PostgreSQL: moving it in one process moves it for the worker too.
    const shared = worker.get(ClockService);
    await shared.advance(61 * 60 * 1000);
    try {
      await sink.waitForMailTo(to);
      await waitForStatus(id, 'sent');
    } finally {
      await shared.advance(-61 * 60 * 1000);
    }
  });

  it('resumes a mail whose sender crashed mid-send once its lease has passed, and logs the possible duplicate', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn');
    try {
      const to = address('crashed');
      const id = await ds.transaction(async (manager) => {
        const now = await clock.now();
        const staged = await outbox.stage(manager, invitation(to), now);
        // As a worker that claimed it and died would have left it.
        await manager.query(
          `UPDATE outbox_message SET status = 'sending', attempts = 1, lease_until = clock_timestamp() - interval '1 second' WHERE id = $1`,
          [staged],
        );
        return staged;
      });
      await sink.waitForMailTo(to);
      const row = await waitForStatus(id, 'sent');
      expect(row.attempts).toBe(2);
      expect(warn).toHaveBeenCalledWith(
        expect.objectContaining({ outboxId: id, messageId: row.message_id, msg: expect.stringMatching(/sent twice/) }),
      );
    } finally {
      warn.mockRestore();
    }
  });

  it('leaves a mail under a live lease alone, even when the mechanism clock jumps days ahead', async () => {
    const to = address('leased');
    const id = await ds.transaction(async (manager) => {
      const now = await clock.now();
      const staged = await outbox.stage(manager, invitation(to), now);
      await manager.query(
        `UPDATE outbox_message SET status = 'sending', attempts = 1, lease_until = clock_timestamp() + interval '60 seconds' WHERE id = $1`,
        [staged],
      );
      return staged;
    });
    await outbox.wake([id]);
    await worker.get(OutboxDrainer).drainDue();
    // A lease is wall time: moving the demo clock 3 days must not hand the mail to a second sender.
    await worker.get(ClockService).advance(3 * 24 * 60 * 60 * 1000);
    try {
      await worker.get(OutboxDrainer).drainDue();
      await sleep(2 * config.mail.sweepEveryMs);
      expect((await rowOf(id))?.status).toBe('sending');
      expect(await sink.to(to)).toHaveLength(0);
    } finally {
      await worker.get(ClockService).advance(-3 * 24 * 60 * 60 * 1000);
      await ds.query(`UPDATE outbox_message SET status = 'cancelled', lease_until = NULL WHERE id = $1`, [id]);
    }
  });

  it('marks a row it cannot render as failed at once, without retrying', async () => {
    const to = address('unrenderable');
    const now = await clock.now();
    const [{ id }] = (await ds.query(
      `INSERT INTO outbox_message (id, kind, template, language, recipient_address, payload, status, attempts, next_attempt_at, message_id, created_at, updated_at)
       VALUES (gen_random_uuid(), 'invitation', 'invitation', 'en', $1, '{"recipientName": "X"}', 'pending', 0, $2, '<x@mesecvi.localhost>', $2, $2) RETURNING id`,
      [to, now],
    )) as Array<{ id: string }>;
    const row = await waitForStatus(id, 'failed');
    expect(row.attempts).toBe(1);
    expect(row.last_error).toMatch(/^render: invalid mail payload/);
    expect(await sink.to(to)).toHaveLength(0);
  });

  it('sends each mail once when two workers drain the same rows at the same time', async () => {
    const second = await startTestWorker(config); // same database and queue prefix: a second instance
    try {
      const recipients = Array.from({ length: 24 }, (_, i) => address(`race${i}`));
      const ids = await ds.transaction(async (manager) => {
        const now = await clock.now();
        const staged: string[] = [];
        for (const to of recipients) staged.push(await outbox.stage(manager, invitation(to), now));
        return staged;
      });
      const drainers = [worker.get(OutboxDrainer), second.get(OutboxDrainer)];
      await Promise.all([outbox.wake(ids), ...drainers.map((d) => d.drainDue()), ...drainers.map((d) => d.drainDue())]);
      await waitFor('every raced mail to be sent', async () => {
        const rows: Array<{ n: string }> = await ds.query(
          `SELECT count(*) AS n FROM outbox_message WHERE id = ANY($1) AND status = 'sent'`,
          [ids],
        );
        return Number(rows[0].n) === ids.length ? true : undefined;
      });
      await waitForQueuesToDrain(worker.get(JobQueues));
      await sleep(2 * config.mail.sweepEveryMs);
      const all = await sink.all();
      for (const to of recipients)
        expect({ to, count: all.filter((m) => m.to.some((t) => t.address === to)).length }).toEqual({ to, count: 1 });
      const attempts: Array<{ attempts: number }> = await ds.query(
        'SELECT attempts FROM outbox_message WHERE id = ANY($1)',
        [ids],
      );
      expect(attempts.every((r) => r.attempts === 1)).toBe(true);
    } finally {
      await second.close();
    }
  });
});
