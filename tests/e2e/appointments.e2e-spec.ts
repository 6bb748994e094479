import type { INestApplicationContext } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CommitteeStandingService } from '@mesecvi/appointments';
import { ClockService } from '@mesecvi/clock';
import { addDays, localDate, RecipientDirectory, ReminderSweep } from '@mesecvi/deadlines';
import {
  createAccount,
  createSuiteDatabase,
  login,
  MailSink,
  signedIn,
  startTestApi,
  startTestWorker,
  testConfig,
  type SuiteDatabase,
  type TestApi,
} from '../harness';

const unique = (): string => randomBytes(4).toString('hex');
const TZ = 'America/New_York';

/**
 * The appointment cycle end to end: a request mails each state in its language and opens its
 * reply deadline; a focal point proposes; the secretariat records; the expert is invited; the
 * state's reminders stop and it leaves the pending list; a replacement ends the previous titular
 * (history intact, access stopped); every rule refuses bad input with nothing changed.
 */
describe('appointments and the Committee of Experts', () => {
  const sink = new MailSink();
  let db: SuiteDatabase;
  let api: TestApi;
  let worker: INestApplicationContext;
  let ds: DataSource;
  let admin: string;
  let adminAccount: { email: string; password: string };
  let focal: string;
  let contributor: string;
  let today: string;
  const tag = unique();
  const fpArg = `fp.arg.${tag}@example.test`;
  const missionBra = `mission.bra.${tag}@example.test`;
  const missionHti = `mission.hti.${tag}@example.test`;
  const expertArg = `expert.arg.${tag}@example.test`;
  const secondArg = `second.arg.${tag}@example.test`;

  const post = (path: string, bearer: string, body: object = {}) =>
    api.http().post(path).set('authorization', bearer).send(body);
  const get = (path: string, bearer: string) => api.http().get(path).set('authorization', bearer);
  const count = async (sql: string, params: unknown[] = []): Promise<number> =>
    Number(((await ds.query(sql, params)) as Array<{ n: string }>)[0].n);
  const appointment = (over: Record<string, unknown> = {}) => ({
    stateCode: 'ARG',
    kind: 'titular',
    person: { name: 'Susana Experta', email: expertArg, language: 'es' },
    noteReference: 'Nota OEA/ARG 12/2026',
    notifiedOn: today,
    termStart: today,
    ...over,
  });

  beforeAll(async () => {
    db = await createSuiteDatabase();
    const config = testConfig(db.url, { OUTBOX_SWEEP_EVERY_MS: '300' });
    api = await startTestApi(config);
    worker = await startTestWorker(config);
    ds = api.app.get(DataSource);
    const secretariat = await signedIn(api, ds, { role: 'secretariat' });
    adminAccount = secretariat;
    admin = secretariat.bearer;
    const fp = await createAccount(ds, {
      role: 'state_focal_point',
      stateCode: 'ARG',
      email: fpArg,
      name: 'María Focal',
    });
    focal = (await login(api, fp.email, fp.password)).bearer;
    contributor = (await signedIn(api, ds, { role: 'state_contributor', stateCode: 'ARG' })).bearer;
    for (const [code, email] of [
      ['BRA', missionBra],
      ['HTI', missionHti],
    ]) {
      await ds.query(
        `INSERT INTO state_contact (state_code, kind, name, email, created_at, updated_at) VALUES ($1, 'permanent_mission', 'Mission', $2, now(), now())`,
        [code, email],
      );
    }
    today = localDate(new Date(), TZ);
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await db?.drop();
  });

  let requestId: string;
  let firstId: string;
  let firstUserId: string;
  let secondId: string;

  it('asks three states, mails each in its working language (the focal point in theirs), and opens a reply deadline with reminders per state', async () => {
    const res = await post('/appointment-requests', admin, {
      stateCodes: ['ARG', 'BRA', 'HTI'],
      kinds: ['titular'],
      replyDate: addDays(today, 45),
      message: 'Quinta Ronda.',
    }).expect(201);
    requestId = res.body.id;
    expect(res.body.counts).toEqual({ pending: 3, answered: 0, declined: 0 });
    expect(res.body.states.map((s: { stateCode: string }) => s.stateCode)).toEqual(['ARG', 'BRA', 'HTI']);
    for (const s of res.body.states) {
      expect(s.deadlineId).toMatch(/^[0-9a-f-]{36}$/);
      expect(
        await count(`SELECT count(*) AS n FROM reminder WHERE deadline_id = $1 AND status = 'planned'`, [s.deadlineId]),
      ).toBeGreaterThan(0);
    }
    const [es] = await sink.waitForMailTo(fpArg);
    expect(es.subject).toMatch(
      /^Designaciones ante el MESECVI – Argentina – respuesta antes del \d{1,2} de \p{L}+ de \d{4}$/u,
    );
    expect(es.text).toContain('Estimado/a María Focal:');
    expect(es.text).toContain('Quinta Ronda.');
    const [pt] = await sink.waitForMailTo(missionBra);
    expect(pt.subject).toMatch(/^Designações junto ao MESECVI – Brasil/);
    const [fr] = await sink.waitForMailTo(missionHti);
    expect(fr.subject).toMatch(/^Désignations auprès du MESECVI – Haïti/);
    expect(fr.text).toContain('Madame, Monsieur,');
  });

  it('refuses a request to an unknown state or with a reply date in the past, changing nothing', async () => {
    const before = await count('SELECT count(*) AS n FROM appointment_request');
    const unknown = await post('/appointment-requests', admin, {
      stateCodes: ['ARG', 'XYZ'],
      kinds: ['titular'],
      replyDate: addDays(today, 10),
    }).expect(422);
    expect(unknown.body).toMatchObject({
      code: 'validation_failed',
      rule: 'known_state',
      errors: [{ pointer: '/stateCodes/1' }],
    });
    const past = await post('/appointment-requests', admin, {
      kinds: ['titular'],
      replyDate: addDays(today, -1),
    }).expect(422);
    expect(past.body.errors[0].pointer).toBe('/replyDate');
    expect(await count('SELECT count(*) AS n FROM appointment_request')).toBe(before);
  });

  it('re-sends to a pending state, counted and marked as a reminder', async () => {
    const res = await post(`/appointment-requests/${requestId}/resend`, admin, { stateCodes: ['BRA'] }).expect(200);
    expect(res.body).toEqual([expect.objectContaining({ stateCode: 'BRA', sentCount: 2 })]);
    const mails = await sink.waitForMailTo(missionBra, 2);
    expect(mails.some((m) => m.subject.startsWith('Lembrete: Designações'))).toBe(true);
    await post(`/appointment-requests/${requestId}/resend`, admin, { stateCodes: ['PER'] }).expect(422);
  });

  it('lets the focal point propose for its own state only; it confirms nothing', async () => {
    const proposal = await post('/states-parties/ARG/appointment-proposals', focal, {
      kind: 'titular',
      person: { name: 'Susana Experta', email: expertArg, language: 'es' },
      noteReference: 'Nota MMGyD 45/2026',
      cvReference: 'doc:cv/arg-titular.pdf',
    }).expect(201);
    expect(proposal.body).toMatchObject({ status: 'proposed', stateCode: 'ARG' });
    await post('/states-parties/BRA/appointment-proposals', focal, {
      kind: 'titular',
      person: { name: 'X', email: `x.${tag}@example.test` },
      noteReference: 'n',
    }).expect(404);
    await post('/states-parties/ARG/appointment-proposals', contributor, {
      kind: 'titular',
      person: { name: 'X', email: `x.${tag}@example.test` },
      noteReference: 'n',
    }).expect(403);
    await post('/appointments', focal, appointment()).expect(403);
    expect(await count(`SELECT count(*) AS n FROM appointment`)).toBe(0);

    // The secretariat confirms it by recording the appointment: the expert is invited in Spanish.
    const recorded = await post(
      '/appointments',
      admin,
      appointment({ proposalId: proposal.body.id, cvReference: 'doc:cv/arg-titular.pdf' }),
    ).expect(201);
    firstId = recorded.body.id;
    firstUserId = recorded.body.userId;
    expect(recorded.body).toMatchObject({
      status: 'active',
      kind: 'titular',
      replacesId: null,
      proposalId: proposal.body.id,
      notification: { noteReference: 'Nota OEA/ARG 12/2026' },
    });
    const [invitation] = await sink.waitForMailTo(expertArg);
    expect(invitation.subject).toBe('Invitación a la Plataforma de Seguimiento del MESECVI – Argentina');
    expect(invitation.text).toContain('Integrante del Comité de Expertas');
    const account = await get(`/accounts/${firstUserId}`, admin).expect(200);
    expect(account.body).toMatchObject({ role: 'committee_expert', stateCode: 'ARG', status: 'invited' });
    const proposals = await get('/states-parties/ARG/appointment-proposals', focal).expect(200);
    expect(proposals.body[0].status).toBe('confirmed');
  });

  it('answers the state’s request, stops its reminders, and takes it off the pending list', async () => {
    const request = await get(`/appointment-requests/${requestId}`, admin).expect(200);
    const arg = request.body.states.find((s: { stateCode: string }) => s.stateCode === 'ARG');
    expect(arg).toMatchObject({ status: 'answered', answeredKinds: ['titular'] });
    expect(arg.answeredAt).not.toBeNull();
    expect(
      await count(`SELECT count(*) AS n FROM deadline WHERE id = $1 AND status = 'completed'`, [arg.deadlineId]),
    ).toBe(1);
    expect(
      await count(`SELECT count(*) AS n FROM reminder WHERE deadline_id = $1 AND status IN ('planned', 'claimed')`, [
        arg.deadlineId,
      ]),
    ).toBe(0);

    const pending = await get('/committee/pending', admin).expect(200);
    const codes = pending.body.map((p: { stateCode: string }) => p.stateCode);
    expect(codes).not.toContain('ARG');
    expect(codes).toHaveLength(31);
    expect(pending.body.find((p: { stateCode: string }) => p.stateCode === 'BRA')).toMatchObject({
      missing: ['titular', 'focal_point'],
      pendingSince: today,
      daysPending: 0,
      openRequestIds: [requestId],
    });
  });

  it('refuses a second active titular, a mismatched replacement, an end before the start, an overlapping term and an unknown state: 4xx naming the rule, nothing changed', async () => {
    const before = await count('SELECT count(*) AS n FROM appointment');
    const second = await post(
      '/appointments',
      admin,
      appointment({ person: { name: 'Otra', email: secondArg } }),
    ).expect(409);
    expect(second.body).toMatchObject({ code: 'conflict', rule: 'replaces_mismatch', currentAppointmentId: firstId });
    const wrong = await post(
      '/appointments',
      admin,
      appointment({ person: { name: 'Otra', email: secondArg }, replacesId: '00000000-0000-4000-8000-000000000000' }),
    ).expect(409);
    expect(wrong.body.rule).toBe('replaces_mismatch');
    const backwards = await post(
      '/appointments',
      admin,
      appointment({
        person: { name: 'Otra', email: secondArg },
        replacesId: firstId,
        termStart: addDays(today, 30),
        termEnd: addDays(today, 29),
      }),
    ).expect(422);
    expect(backwards.body).toMatchObject({ rule: 'end_after_start', errors: [{ pointer: '/termEnd' }] });
    const overlap = await post(
      '/appointments',
      admin,
      appointment({ person: { name: 'Otra', email: secondArg }, replacesId: firstId, termStart: addDays(today, -1) }),
    ).expect(409);
    expect(overlap.body.rule).toBe('overlapping_terms');
    const unknown = await post('/appointments', admin, appointment({ stateCode: 'XYZ' })).expect(422);
    expect(unknown.body).toMatchObject({ rule: 'known_state', errors: [{ pointer: '/stateCode' }] });
    await post('/appointments', admin, appointment({ termStart: 'tomorrow' })).expect(422);
    expect(await count('SELECT count(*) AS n FROM appointment')).toBe(before);
    expect(await count(`SELECT count(*) AS n FROM user_account WHERE email = $1`, [secondArg])).toBe(0);
  });

  it('has the database refuse a second active titular and an end before the start even if code were bypassed', async () => {
    const insert = (status: string, endReason: string | null, termEnd: string | null) =>
      ds.query(
        `INSERT INTO appointment (state_code, kind, person_name, person_email, note_reference, notified_on, term_start, term_end, status, end_reason, recorded_by, recorded_at)
         SELECT 'ARG', 'titular', 'Bypass', 'bypass@example.test', 'n', $1, $1, $2, $3, $4, recorded_by, now() FROM appointment WHERE id = $5`,
        [today, termEnd, status, endReason, firstId],
      );
    await expect(insert('active', null, null)).rejects.toMatchObject({
      driverError: expect.objectContaining({ constraint: 'UQ_appointment_one_active' }),
    });
    await expect(insert('ended', 'replaced', addDays(today, -5))).rejects.toMatchObject({
      driverError: expect.objectContaining({ constraint: 'CHK_appointment_term' }),
    });
  });

  it('replaces the titular: the previous one ends on the new start date, loses committee access, and history keeps both', async () => {
    const res = await post(
      '/appointments',
      admin,
      appointment({
        person: { name: 'Nueva Experta', email: secondArg, language: null },
        replacesId: firstId,
        noteReference: 'Nota 99/2026',
      }),
    ).expect(201);
    secondId = res.body.id;
    expect(res.body.replacesId).toBe(firstId);
    const history = await get('/states-parties/ARG/appointments', focal).expect(200);
    expect(history.body.map((a: { id: string; status: string }) => [a.id, a.status])).toEqual(
      expect.arrayContaining([
        [secondId, 'active'],
        [firstId, 'ended'],
      ]),
    );
    expect(history.body.find((a: { id: string }) => a.id === firstId)).toMatchObject({
      endReason: 'replaced',
      termEnd: today,
    });
    expect((await get(`/accounts/${firstUserId}`, admin).expect(200)).body.status).toBe('disabled');
    await get('/states-parties/BRA/appointments', focal).expect(404);
    await get('/states-parties/ARG/appointments', contributor).expect(403);
    const roster = await get('/committee/roster', admin).expect(200);
    expect(roster.body).toEqual([
      expect.objectContaining({
        appointmentId: secondId,
        stateCode: 'ARG',
        kind: 'titular',
        name: 'Nueva Experta',
        termStart: today,
      }),
    ]);
  });

  it('lets exactly one of two concurrent recordings of a titular for one state win', async () => {
    const record = (n: number) =>
      post(
        '/appointments',
        admin,
        appointment({ stateCode: 'BRA', person: { name: `Perita ${n}`, email: `perita${n}.${tag}@example.test` } }),
      );
    const results = await Promise.all([record(1), record(2)]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(results.find((r) => r.status === 409)?.body.rule).toMatch(/replaces_mismatch|one_active_per_seat/);
    expect(
      await count(
        `SELECT count(*) AS n FROM appointment WHERE state_code = 'BRA' AND kind = 'titular' AND status = 'active'`,
      ),
    ).toBe(1);
    expect(
      await count(`SELECT count(*) AS n FROM user_account WHERE email LIKE $1`, [`perita_.${tag}@example.test`]),
    ).toBe(1);
  });

  it('records a declined state: its part closes and its reminders stop', async () => {
    const res = await post(`/appointment-requests/${requestId}/states/HTI/decline`, admin, {
      note: 'Note verbale 7/2026',
    }).expect(200);
    expect(res.body).toMatchObject({ stateCode: 'HTI', status: 'declined', declineNote: 'Note verbale 7/2026' });
    expect(
      await count(`SELECT count(*) AS n FROM reminder WHERE deadline_id = $1 AND status = 'planned'`, [
        res.body.deadlineId,
      ]),
    ).toBe(0);
    await post(`/appointment-requests/${requestId}/states/HTI/decline`, admin).expect(409);
    await post(`/appointment-requests/${requestId}/states/PER/decline`, admin).expect(404);
    const list = await get('/appointment-requests', admin).expect(200);
    expect(list.body[0].counts).toEqual({ pending: 0, answered: 2, declined: 1 });
  });

  it('designates a focal point through the same flow: the previous one stays as a contributor', async () => {
    const email = `fp.new.${tag}@example.test`;
    const res = await post(
      '/appointments',
      admin,
      appointment({ kind: 'focal_point', person: { name: 'Nuevo Punto Focal', email } }),
    ).expect(201);
    const accounts = await get('/accounts?stateCode=ARG&role=state_focal_point', admin).expect(200);
    expect(accounts.body.map((a: { email: string }) => a.email)).toEqual([email]);
    expect(res.body.userId).toBe(accounts.body[0].id);
    const old = await get(`/accounts?stateCode=ARG&role=state_contributor`, admin).expect(200);
    expect(old.body.map((a: { email: string }) => a.email)).toContain(fpArg);
  });

  it('elects officers from active titulars only, two-year terms, re-election once', async () => {
    const alternate = await post(
      '/appointments',
      admin,
      appointment({ kind: 'alternate', person: { name: 'Suplente', email: `alt.${tag}@example.test` } }),
    ).expect(201);
    const notTitular = await post('/committee/officers', admin, {
      office: 'coordinator',
      appointmentId: alternate.body.id,
      method: 'consensus',
      termStart: today,
    }).expect(409);
    expect(notTitular.body.rule).toBe('officer_active_titular');
    const ended = await post('/committee/officers', admin, {
      office: 'coordinator',
      appointmentId: firstId,
      method: 'consensus',
      termStart: today,
    }).expect(409);
    expect(ended.body.rule).toBe('officer_active_titular');
    const tie = await post('/committee/officers', admin, {
      office: 'coordinator',
      appointmentId: secondId,
      method: 'vote',
      votesFor: 10,
      votesAgainst: 10,
      termStart: today,
    }).expect(422);
    expect(tie.body.rule).toBe('simple_majority');

    const first = await post('/committee/officers', admin, {
      office: 'coordinator',
      appointmentId: secondId,
      method: 'vote',
      votesFor: 18,
      votesAgainst: 9,
      abstentions: 2,
      termStart: today,
    }).expect(201);
    expect(first.body).toMatchObject({
      office: 'coordinator',
      termEnd: `${Number(today.slice(0, 4)) + 2}${today.slice(4)}`.replace('-02-29', '-02-28'),
      votes: { for: 18, against: 9, abstentions: 2 },
    });
    const again = addDays(first.body.termEnd, 0);
    await post('/committee/officers', admin, {
      office: 'coordinator',
      appointmentId: secondId,
      method: 'consensus',
      termStart: again,
    }).expect(201);
    const third = await post('/committee/officers', admin, {
      office: 'coordinator',
      appointmentId: secondId,
      method: 'consensus',
      termStart: addDays(again, 800),
    }).expect(409);
    expect(third.body).toMatchObject({ rule: 'third_consecutive_term' });
    const both = await post('/committee/officers', admin, {
      office: 'alternate_coordinator',
      appointmentId: secondId,
      method: 'consensus',
      termStart: today,
    }).expect(409);
    expect(both.body.rule).toBe('one_office_per_expert');

    const officers = await get('/committee/officers', admin).expect(200);
    expect(officers.body.current.coordinator).toMatchObject({
      appointmentId: secondId,
      stateCode: 'ARG',
      termStart: today,
    });
    expect(officers.body.current.alternate_coordinator).toBeNull();
    expect(officers.body.history).toHaveLength(2);
    const roster = await get('/committee/roster', admin).expect(200);
    expect(roster.body.find((m: { appointmentId: string }) => m.appointmentId === secondId).offices).toEqual([
      'coordinator',
    ]);
  });

  it('exports the roster as CSV, safe for spreadsheets', async () => {
    const res = await get('/committee/roster.csv', admin).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    const lines = res.text.trim().split('\r\n');
    expect(lines[0]).toBe('state_code,state,seat,name,email,term_start,term_end,office');
    expect(lines).toContain(`ARG,Argentina,titular,Nueva Experta,${secondArg},${today},,coordinator`);
    expect(lines.length).toBe(4); // ARG titular and alternate, BRA titular
  });

  it('records conflicts of interest and answers which states an expert may never evaluate', async () => {
    const userId = (await get(`/appointments/${secondId}`, admin).expect(200)).body.userId as string;
    await post('/committee/conflicts', admin, {
      expertUserId: userId,
      stateCode: 'CHL',
      reason: 'Consultancy for the ministry in 2025',
    }).expect(201);
    const twice = await post('/committee/conflicts', admin, {
      expertUserId: userId,
      stateCode: 'chl',
      reason: 'again',
    }).expect(409);
    expect(twice.body.rule).toBe('conflict_already_declared');
    await post('/committee/conflicts', admin, { expertUserId: userId, stateCode: 'XYZ', reason: 'x' }).expect(422);
    await post('/committee/conflicts', admin, { stateCode: 'PER', reason: 'x' }).expect(422);
    const expert = await signedIn(api, ds, { role: 'committee_expert', stateCode: 'URY' });
    await post('/committee/conflicts', expert.bearer, { stateCode: 'PRY', reason: 'Family ties' }).expect(201);
    await post('/committee/conflicts', expert.bearer, {
      expertUserId: userId,
      stateCode: 'PRY',
      reason: 'not mine',
    }).expect(403);
    expect((await get('/committee/conflicts', expert.bearer).expect(200)).body).toEqual([
      expect.objectContaining({ expertUserId: expert.id, stateCode: 'PRY' }),
    ]);

    const standing = api.app.get(CommitteeStandingService);
    expect(await standing.excludedStates(userId)).toEqual(['ARG', 'CHL']);
    expect(await standing.excludedStates(expert.id)).toEqual(['PRY', 'URY']);
    expect(await standing.standingOf(userId)).toEqual({
      offices: ['coordinator'],
      excludedStates: ['ARG', 'CHL'],
      assignedStates: [],
    });
  });

  it('gives the deadlines engine the state’s appointed expert as a recipient', async () => {
    const directory = worker.get(RecipientDirectory);
    expect(await directory.resolve(ds.manager, 'appointed_expert', 'ARG')).toEqual([]); // invited, not yet active
    await ds.query(`UPDATE user_account SET status = 'active' WHERE email = $1`, [secondArg]);
    expect(await directory.resolve(ds.manager, 'appointed_expert', 'ARG')).toEqual([
      expect.objectContaining({ address: secondArg, language: 'es', ledgerRole: 'committee_expert' }),
    ]);
  });

  it('ends an appointment on its end date through the deadline-passed handler: status ended, access disabled, office ended, history kept', async () => {
    const endDate = addDays(today, 2);
    const planned = await post(`/appointments/${secondId}/end`, admin, { endDate }).expect(200);
    expect(planned.body).toMatchObject({ status: 'active', termEnd: endDate });
    await post(`/appointments/${secondId}/end`, admin, { endDate: addDays(today, -400) }).expect(422);
    expect(
      await count(
        `SELECT count(*) AS n FROM deadline WHERE kind = 'appointment_end' AND subject_id = $1 AND status = 'open'`,
        [secondId],
      ),
    ).toBe(1);
    expect(
      await count(
        `SELECT count(*) AS n FROM reminder r JOIN deadline d ON d.id = r.deadline_id WHERE d.subject_id = $1`,
        [secondId],
      ),
    ).toBe(0);

    const clock = api.app.get(ClockService);
    await clock.advance(3 * 86_400_000);
    try {
      await worker.get(ReminderSweep).run();
      admin = (await login(api, adminAccount.email, adminAccount.password)).bearer; // three days on, the old token expired
      const after = await get(`/appointments/${secondId}`, admin).expect(200);
      expect(after.body).toMatchObject({ status: 'ended', endReason: 'term_end', termEnd: endDate });
      const account = await get(`/accounts/${after.body.userId}`, admin).expect(200);
      expect(account.body.status).toBe('disabled');
      const officers = await get('/committee/officers', admin).expect(200);
      expect(officers.body.current.coordinator).toBeNull();
      const history = await get('/states-parties/ARG/appointments', admin).expect(200);
      expect(history.body.filter((a: { kind: string }) => a.kind === 'titular')).toHaveLength(2);
      const events = await count(
        `SELECT count(*) AS n FROM audit_event WHERE action = 'appointment.ended' AND entity_id = $1 AND actor_user_id IS NULL`,
        [secondId],
      );
      expect(events).toBe(1);
      // A second sweep changes nothing.
      await worker.get(ReminderSweep).run();
      expect(
        await count(`SELECT count(*) AS n FROM audit_event WHERE action = 'appointment.ended' AND entity_id = $1`, [
          secondId,
        ]),
      ).toBe(1);
    } finally {
      await clock.advance(-3 * 86_400_000);
    }
  });
});
