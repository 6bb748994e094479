// The reminder engine end to end: ad-hoc deadlines through HTTP, a worker sweeping on a moving
// clock, mails at the SMTP sink in each recipient's language, extensions, completion, skipped
// roles, escalation, and the deadline-passed handlers.
import type { INestApplicationContext } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Clock, ClockService } from '@mesecvi/clock';
import { addDays, DeadlinePassedHandlers, localDate, ruleInstant, type DeadlineView } from '@mesecvi/deadlines';
import {
  createAccount,
  createSuiteDatabase,
  login,
  MailSink,
  startTestApi,
  startTestWorker,
  testConfig,
  waitFor,
  type ReceivedMail,
  type SuiteDatabase,
  type TestAccount,
  type TestApi,
} from '../harness';

const TZ = 'America/New_York';
const MINUTE = 60_000;

interface ReminderRow {
  deadline_version: number;
  offset_days: number;
  recipient_role: string;
  status: string;
  reason: string | null;
}

describe('reminders: ladders on a moving clock, delivered in each recipient language', () => {
  const sink = new MailSink();
  const tag = randomBytes(3).toString('hex');
  const mail = (who: string): string => `${who}.${tag}@example.test`;
  let db: SuiteDatabase;
  let api: TestApi;
  let worker: INestApplicationContext;
  let ds: DataSource;
  let secretariat: TestAccount;
  let due: string;
  const deadlines: Record<string, DeadlineView> = {};
  const passedCalls: string[] = [];

  const bearer = async (): Promise<string> => (await login(api, secretariat.email, secretariat.password)).bearer;
  const setNow = async (target: Date): Promise<void> => {
    const now = await api.app.get(Clock).now();
    await api.app.get(ClockService).advance(target.getTime() - now.getTime());
  };
  const at = (offsetDays: number, plusMinutes = 1): Date =>
    new Date(ruleInstant(due, offsetDays, '09:00', TZ).getTime() + plusMinutes * MINUTE);
  const reminders = async (id: string): Promise<ReminderRow[]> =>
    ds.query(
      `SELECT r.deadline_version, ru.offset_days, r.recipient_role, r.status, r.reason FROM reminder r JOIN reminder_rule ru ON ru.id = r.rule_id
        WHERE r.deadline_id = $1 ORDER BY r.deadline_version, r.planned_at, r.recipient_role`,
      [id],
    );
  const settled = (id: string, offset: number, version = 1): Promise<ReminderRow[]> =>
    waitFor(`reminders at ${offset}d to be processed`, async () => {
      const rows = (await reminders(id)).filter((r) => r.offset_days === offset && r.deadline_version === version);
      return rows.length > 0 && rows.every((r) => !['planned', 'claimed'].includes(r.status)) ? rows : undefined;
    });
  const subjects = (mails: ReceivedMail[]): string[] => mails.map((m) => m.subject);

  beforeAll(async () => {
    db = await createSuiteDatabase();
    const config = testConfig(db.url, {
      REMINDER_SWEEP_EVERY_MS: '250',
      OUTBOX_SWEEP_EVERY_MS: '250',
      MAIL_RETRY_BASE_MS: '200',
      LOGIN_MAX_ATTEMPTS: '1000',
    });
    api = await startTestApi(config);
    ds = api.app.get(DataSource);
    secretariat = await createAccount(ds, { role: 'secretariat', email: mail('secretariat'), name: 'Ana Secretaría' });
    await createAccount(ds, {
      role: 'state_focal_point',
      stateCode: 'ARG',
      email: mail('focal.arg'),
      name: 'María Fernández',
    });
    await createAccount(ds, {
      role: 'state_focal_point',
      stateCode: 'BRA',
      email: mail('focal.bra'),
      name: 'Fernanda Souza',
    });
    await createAccount(ds, {
      role: 'state_contributor',
      stateCode: 'BRA',
      email: mail('contrib.bra'),
      name: 'João Pereira',
    });
    // A contributor who prefers English although Brazil works in Portuguese.
    await createAccount(ds, {
      role: 'state_contributor',
      stateCode: 'BRA',
      email: mail('contrib2.bra'),
      name: 'Paul Smith',
      language: 'en',
    });
    await createAccount(ds, {
      role: 'state_focal_point',
      stateCode: 'HTI',
      email: mail('focal.hti'),
      name: 'Marie-Claire Joseph',
    });
    await ds.query(
      `INSERT INTO state_contact (state_code, kind, name, email, created_at, updated_at) VALUES ('HTI', 'permanent_mission', 'Mission permanente d''Haïti', $1, now(), now())`,
      [mail('mission.hti')],
    );
    // Brazil has no permanent-mission contact: its +1 reminder to the mission is a skipped ledger row.

    worker = await startTestWorker(config);
    worker.get(DeadlinePassedHandlers).register('ad_hoc', async (manager, deadline) => {
      passedCalls.push(deadline.stateCode);
      await manager.query('SELECT 1'); // runs inside the sweep's transaction
    });

    due = addDays(localDate(await api.app.get(Clock).now(), TZ), 40);
    const res = await api
      .http()
      .post('/deadlines')
      .set('authorization', await bearer())
      .send({
        title: 'Send the national information for the annual report',
        dueDate: due,
        stateCodes: ['ARG', 'BRA', 'HTI'],
      });
    expect(res.status).toBe(201);
    for (const d of res.body as DeadlineView[]) deadlines[d.stateCode] = d;
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await db?.drop();
  });

  it('plans the default ladder for each state in the creating transaction, due at the end of the day in the mechanism time zone', async () => {
    expect(Object.keys(deadlines).sort()).toEqual(['ARG', 'BRA', 'HTI']);
    const d = deadlines.HTI;
    expect(d).toMatchObject({ kind: 'ad_hoc', dueDate: due, timeZone: TZ, version: 1, status: 'open' });
    expect(new Date(d.dueAt).getTime()).toBe(ruleInstant(due, 1, '00:00', TZ).getTime());
    expect((await reminders(d.id)).map((r) => `${r.offset_days}:${r.recipient_role}:${r.status}`)).toEqual([
      '-30:focal_point:planned',
      '-7:focal_point:planned',
      '-1:contributors:planned',
      '-1:focal_point:planned',
      '1:focal_point:planned',
      '1:permanent_mission:planned',
      '7:secretariat:planned',
      '14:secretariat:planned',
    ]);
    const audit: Array<{ action: string }> = await ds.query(
      `SELECT action FROM audit_event WHERE entity_type = 'deadline' AND entity_id = $1`,
      [d.id],
    );
    expect(audit.map((a) => a.action)).toEqual(['deadline.created']);
  });

  it('sends −30d at 09:00 local to each focal point in the state language (es, pt, fr)', async () => {
    // Through the demo route once: the same clock the worker reads.
    const moved = await api
      .http()
      .post('/demo/clock')
      .set('authorization', await bearer())
      .send({ minutes: 1 });
    expect(moved.status).toBe(200);
    await setNow(at(-31, 0));
    await new Promise((r) => setTimeout(r, 600));
    expect(await sink.to(mail('focal.arg'))).toHaveLength(0); // nothing is due a day early

    await setNow(at(-30));
    const [arg] = await sink.waitForMailTo(mail('focal.arg'));
    const [bra] = await sink.waitForMailTo(mail('focal.bra'));
    const [hti] = await sink.waitForMailTo(mail('focal.hti'));
    expect(arg.subject).toBe(
      'Recordatorio: Send the national information for the annual report – Argentina – vence en 30 días',
    );
    expect(bra.subject).toBe(
      'Lembrete: Send the national information for the annual report – Brasil – vence em 30 dias',
    );
    expect(hti.subject).toBe('Rappel : Send the national information for the annual report – Haïti – dans 30 jours');
    expect(hti.text).toMatch(/pour Haïti expire dans 30 jours/);
    expect(hti.text).toContain(`/app/deadlines/${deadlines.HTI.id}`);
    expect(arg.text).toMatch(/hora de Nueva York\)/);
    expect(hti.headers['content-language']).toBe('fr');
    expect((await settled(deadlines.BRA.id, -30)).map((r) => r.status)).toEqual(['queued']);
  });

  it('sends −7d, then an extension for Haiti plans a fresh ladder and does not send the rules already passed', async () => {
    await setNow(at(-7));
    await sink.waitForMailTo(mail('focal.hti'), 2);
    await settled(deadlines.HTI.id, -7);

    const newDue = addDays(due, 20);
    const res = await api
      .http()
      .post(`/deadlines/${deadlines.HTI.id}/move`)
      .set('authorization', await bearer())
      .set('if-match', '"1"')
      .send({ dueDate: newDue, reason: 'Extension requested by note verbale' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ version: 2, dueDate: newDue, status: 'open' });

    const rows = await reminders(deadlines.HTI.id);
    const v1 = rows
      .filter((r) => r.deadline_version === 1)
      .map((r) => `${r.offset_days}:${r.recipient_role}:${r.status}:${r.reason ?? ''}`);
    expect(v1).toEqual([
      '-30:focal_point:queued:',
      '-7:focal_point:queued:',
      '-1:contributors:superseded:moved',
      '-1:focal_point:superseded:moved',
      '1:focal_point:superseded:moved',
      '1:permanent_mission:superseded:moved',
      '7:secretariat:superseded:moved',
      '14:secretariat:superseded:moved',
    ]);
    const v2 = rows
      .filter((r) => r.deadline_version === 2)
      .map((r) => `${r.offset_days}:${r.status}:${r.reason ?? ''}`);
    // 27 days before the new date: −30 has passed (superseded, never sent); −7 onwards are planned.
    expect(v2.slice(0, 2)).toEqual(['-30:superseded:passed', '-7:planned:']);

    const detail = await api
      .http()
      .get(`/deadlines/${deadlines.HTI.id}`)
      .set('authorization', await bearer());
    expect(detail.body.history.map((h: { change: string; version: number }) => `${h.change}@${h.version}`)).toEqual([
      'created@1',
      'moved@2',
    ]);
    expect(detail.body.history[1]).toMatchObject({
      reason: 'Extension requested by note verbale',
      actor: { userId: secretariat.id, role: 'secretariat' },
    });

    // A stale version in If-Match is refused with the current ETag.
    const stale = await api
      .http()
      .post(`/deadlines/${deadlines.HTI.id}/move`)
      .set('authorization', await bearer())
      .set('if-match', '"1"')
      .send({ dueDate: due, reason: 'x' });
    expect(stale.status).toBe(412);
    expect(stale.headers.etag).toBe('"2"');
  });

  it('sends nothing more for a completed deadline', async () => {
    const res = await api
      .http()
      .post(`/deadlines/${deadlines.ARG.id}/complete`)
      .set('authorization', await bearer())
      .send({ reason: 'Received by e-mail' });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('completed');
    const statuses = (await reminders(deadlines.ARG.id)).map((r) => `${r.offset_days}:${r.status}`);
    expect(statuses.filter((s) => s.endsWith(':cancelled'))).toHaveLength(6);
    expect(statuses.filter((s) => s.endsWith(':queued'))).toEqual(['-30:queued', '-7:queued']);
  });

  it('sends −1d to the focal point and each contributor in their own language; Argentina (completed) and Haiti (extended) get nothing', async () => {
    await setNow(at(-1));
    const [pt] = await sink.waitForMailTo(mail('contrib.bra'));
    const [en] = await sink.waitForMailTo(mail('contrib2.bra'));
    expect(pt.subject).toMatch(/^Lembrete: .* – Brasil – vence em 1 dia$/);
    expect(en.subject).toMatch(/^Reminder: .* – Brazil – due in 1 day$/);
    expect(en.text).toContain('Dear Paul Smith,');
    await settled(deadlines.BRA.id, -1);
    expect(await sink.to(mail('focal.arg'))).toHaveLength(2);
    expect(await sink.to(mail('focal.hti'))).toHaveLength(2);
  });

  it('passes the deadlines at the end of the due day and runs the kind handler once per deadline', async () => {
    await setNow(new Date(ruleInstant(due, 1, '00:00', TZ).getTime() + MINUTE));
    await waitFor('Brazil to pass', async () =>
      (
        await api
          .http()
          .get(`/deadlines/${deadlines.BRA.id}`)
          .set('authorization', await bearer())
      ).body.status === 'passed'
        ? true
        : undefined,
    );
    await new Promise((r) => setTimeout(r, 700)); // more ticks: the handler must not run again
    expect(passedCalls).toEqual(['BRA']);
    const history = (
      await api
        .http()
        .get(`/deadlines/${deadlines.BRA.id}`)
        .set('authorization', await bearer())
    ).body.history;
    expect(history.map((h: { change: string }) => h.change)).toEqual(['created', 'passed']);
    expect(history[1].actor).toBeNull();
  });

  it('sends +1d to the focal point and the mission, records a mission nobody holds as skipped, and escalates +7d to the secretariat', async () => {
    await setNow(at(1));
    const [late] = await sink
      .waitForMailTo(mail('focal.bra'), 4)
      .then((m) => m.filter((x) => x.subject.startsWith('Prazo vencido')));
    expect(late.subject).toMatch(/– Brasil – 1 dia de atraso$/);
    const plusOne = await settled(deadlines.BRA.id, 1);
    expect(plusOne.map((r) => `${r.recipient_role}:${r.status}:${r.reason ?? ''}`)).toEqual([
      'focal_point:queued:',
      'permanent_mission:skipped:no_recipient',
    ]);
    const skipped: Array<{
      status: string;
      recipient_address: string | null;
      recipient_role: string;
      last_error: string;
    }> = await ds.query(
      `SELECT status, recipient_address, recipient_role, last_error FROM outbox_message WHERE state_code = 'BRA' AND status = 'skipped'`,
    );
    expect(skipped).toEqual([
      {
        status: 'skipped',
        recipient_address: null,
        recipient_role: 'permanent_mission',
        last_error: 'nobody is behind the role permanent_mission for BRA',
      },
    ]);

    await setNow(at(7));
    const [escalation] = await sink.waitForMailTo(mail('secretariat'));
    expect(escalation.subject).toBe(
      'Escalation: Brazil (BRA) is 7 days late – Send the national information for the annual report',
    );
    expect(escalation.text).toContain('Dear Ana Secretaría,');
    // Haiti's old +1 and +7 were superseded by the extension: neither the mission nor the secretariat heard about Haiti.
    expect(await sink.to(mail('mission.hti'))).toHaveLength(0);
    expect((await sink.to(mail('secretariat'))).map((m) => m.subject).filter((s) => s.includes('Haiti'))).toEqual([]);
  });

  it('lists the reminders of a deadline with the mails each produced, and the ledger shows them', async () => {
    const res = await api
      .http()
      .get(`/deadlines/${deadlines.BRA.id}/reminders`)
      .set('authorization', await bearer());
    expect(res.status).toBe(200);
    const minusOne = res.body.filter(
      (r: { rule: { offsetDays: number }; recipientRole: string }) =>
        r.rule.offsetDays === -1 && r.recipientRole === 'contributors',
    )[0];
    // One status a person understands: the reminder reads as its mails went (the sweep's word is apart).
    expect(minusOne.status).toBe('sent');
    expect(minusOne.sweepStatus).toBe('queued');
    expect(
      minusOne.deliveries.map((d: { language: string; status: string }) => `${d.language}:${d.status}`).sort(),
    ).toEqual(['en:sent', 'pt:sent']);
    const ledger = await api
      .http()
      .get('/outbox')
      .query({ kind: 'reminder', stateCode: 'HTI' })
      .set('authorization', await bearer());
    expect(ledger.body.items.map((m: { language: string; status: string }) => `${m.language}:${m.status}`)).toEqual([
      'fr:sent',
      'fr:sent',
    ]);
  });

  it('keeps a state user to their own state (404 elsewhere) and filters lists', async () => {
    const fp = await createAccount(ds, { role: 'state_focal_point', stateCode: 'URY' });
    const contributor = await createAccount(ds, { role: 'state_contributor', stateCode: 'HTI' });
    const session = await login(api, contributor.email, contributor.password);
    const own = await api.http().get(`/deadlines/${deadlines.HTI.id}`).set('authorization', session.bearer);
    expect(own.status).toBe(200);
    const other = await api.http().get(`/deadlines/${deadlines.BRA.id}`).set('authorization', session.bearer);
    expect(other.status).toBe(404);
    const list = await api.http().get('/deadlines').query({ stateCode: 'BRA' }).set('authorization', session.bearer);
    expect(list.body.items).toEqual([]);
    const mine = await api.http().get('/deadlines').set('authorization', session.bearer);
    expect(mine.body.items.map((d: DeadlineView) => d.stateCode)).toEqual(['HTI']);
    const none = await api
      .http()
      .get('/deadlines')
      .set('authorization', (await login(api, fp.email, fp.password)).bearer);
    expect(none.body.items).toEqual([]);
    const all = await api
      .http()
      .get('/deadlines')
      .query({ status: 'passed' })
      .set('authorization', await bearer());
    expect(all.body.items.map((d: DeadlineView) => d.stateCode)).toEqual(['BRA']);
    expect(subjects(await sink.to(mail('focal.arg')))).toHaveLength(2);
  });
});
