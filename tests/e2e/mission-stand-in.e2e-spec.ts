// A state without a focal point: its permanent mission receives the questionnaire and the
// before-deadline reminders in the state's working language, with the page on how to designate one.
import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock, ClockService } from '@mesecvi/clock';
import { addDays, localDate, ruleInstant } from '@mesecvi/deadlines';
import { QuestionnaireRegistry } from '@mesecvi/questionnaires';
import {
  createAccount,
  createSuiteDatabase,
  login,
  MailSink,
  sleep,
  startTestApi,
  startTestWorker,
  testConfig,
  type SuiteDatabase,
  type TestAccount,
  type TestApi,
} from '../harness';

const TZ = 'America/New_York';

describe('a permanent mission stands in for a missing focal point', () => {
  const sink = new MailSink();
  const tag = Math.random().toString(36).slice(2, 8);
  const missionHti = `mission.hti.${tag}@example.test`;
  const focalArg = `focal.arg.${tag}@example.test`;
  let db: SuiteDatabase;
  let api: TestApi;
  let worker: INestApplicationContext;
  let ds: DataSource;
  let admin: string;
  let secretariat: TestAccount;
  let dueDate: string;

  beforeAll(async () => {
    db = await createSuiteDatabase();
    const config = testConfig(db.url, { REMINDER_SWEEP_EVERY_MS: '250', OUTBOX_SWEEP_EVERY_MS: '250' });
    api = await startTestApi(config);
    worker = await startTestWorker(config);
    ds = api.app.get(DataSource);
    secretariat = await createAccount(ds, { role: 'secretariat' });
    admin = (await login(api, secretariat.email, secretariat.password)).bearer;
    await createAccount(ds, { role: 'state_focal_point', stateCode: 'ARG', email: focalArg, name: 'María Fernández' });
    await ds.query(
      `INSERT INTO state_contact (state_code, kind, name, email, created_at, updated_at)
       VALUES ('HTI', 'permanent_mission', 'Mission permanente d''Haïti', $1, now(), now())`,
      [missionHti],
    );
    const questionnaire = await api.app.get(QuestionnaireRegistry).current('evaluation-round');
    dueDate = addDays(localDate(await api.app.get(Clock).now(), TZ), 60);
    const round = await api
      .http()
      .post('/rounds')
      .set('authorization', admin)
      .send({ kind: 'evaluation', name: 'Fourth Multilateral Evaluation Round', number: 4 })
      .expect(201);
    await api
      .http()
      .patch(`/rounds/${round.body.id}`)
      .set('authorization', admin)
      .send({ questionnaireVersionId: questionnaire.id, responseDueDate: dueDate })
      .expect(200);
    for (const to of ['questionnaire_adopted', 'open_for_responses'])
      await api.http().post(`/rounds/${round.body.id}/phase`).set('authorization', admin).send({ to }).expect(200);
    await api
      .http()
      .post(`/rounds/${round.body.id}/distribution`)
      .set('authorization', admin)
      .send({ stateCodes: ['ARG', 'HTI'] })
      .expect(200);
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await db?.drop();
  });

  it('mails the questionnaire to the mission in French with the link to the page on designating a focal point', async () => {
    const [mail] = await sink.waitForMailTo(missionHti);
    expect(mail.subject).toBe(
      'Fourth Multilateral Evaluation Round : questionnaire pour Haïti – Plateforme de suivi du MESECVI',
    );
    expect(mail.headers['content-language']).toBe('fr');
    expect(mail.text).toContain('n’a pas encore désigné de point focal national');
    expect(mail.text).toMatch(/Comment le désigner\s?: https?:\/\/\S+\/focal-point\?lang=fr/);
    // A mission has no account: no link of the mail leads to a sign-in page.
    expect(mail.text).not.toContain('/app/');
    expect(mail.text).not.toContain('/evaluations/');
    // Argentina has its focal point: no stand-in, no designation paragraph.
    const [arg] = await sink.waitForMailTo(focalArg);
    expect(arg.text).not.toContain('focal-point');
  });

  it('serves the page in the four languages, without an account', async () => {
    const fr = await api.http().get('/focal-point?lang=fr').expect(200);
    expect(fr.headers['content-type']).toMatch(/^text\/html/);
    expect(fr.text).toContain('<html lang="fr">');
    expect(fr.text).toContain('Désigner un point focal national');
    const es = await api.http().get('/focal-point').set('accept-language', 'es-AR,es;q=0.9').expect(200);
    expect(es.text).toContain('Designación de un punto focal nacional');
    for (const lang of ['en', 'pt'])
      expect((await api.http().get(`/focal-point?lang=${lang}`).expect(200)).text).toContain(`<html lang="${lang}">`);
  });

  it('sends the −30d reminder to the mission in French, and the ledger names the mission as standing in', async () => {
    const now = await api.app.get(Clock).now();
    const target = ruleInstant(dueDate, -30, '09:00', TZ).getTime() + 60_000;
    await api.app.get(ClockService).advance(target - now.getTime());
    const mails = await sink.waitForMailTo(missionHti, 2);
    const reminder = mails[1];
    expect(reminder.subject).toBe('Rappel : Réponses au questionnaire – Haïti – dans 30 jours');
    expect(reminder.text).toMatch(/Comment le désigner\s?: https?:\/\/\S+\/focal-point\?lang=fr/);
    expect(reminder.text).not.toContain('/app/');
    expect(reminder.text).not.toContain('/deadlines/');
    admin = (await login(api, secretariat.email, secretariat.password)).bearer; // the clock moved past the token
    const ledger = await api.http().get('/outbox').query({ recipient: missionHti }).set('authorization', admin);
    expect(ledger.status).toBe(200);
    const rows = (ledger.body.items as Array<{ kind: string; language: string; recipient: { role: string } }>)
      .map((r) => `${r.kind}:${r.language}:${r.recipient.role}`)
      .sort();
    expect(rows).toEqual([
      'distribution:fr:permanent_mission_for_focal_point',
      'reminder:fr:permanent_mission_for_focal_point',
    ]);
    await sleep(1000); // a second reminder, if any, would have arrived by now
    expect(await sink.to(missionHti)).toHaveLength(2);
  });
});
