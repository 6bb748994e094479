// An ad-hoc deadline's title in the working languages, given when it is created: each reminder
// names what is due in its reader's language (English when no translation was given), and the
// time zone by its city in that language.
import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock, ClockService } from '@mesecvi/clock';
import { addDays, localDate, ruleInstant } from '@mesecvi/deadlines';
import {
  createAccount,
  createSuiteDatabase,
  MailSink,
  signedIn,
  startTestApi,
  startTestWorker,
  testConfig,
  type SuiteDatabase,
  type TestApi,
} from '../harness';

const TZ = 'America/New_York';

describe('ad-hoc deadline titles in the reader’s language', () => {
  const sink = new MailSink();
  const tag = Math.random().toString(36).slice(2, 8);
  const focal = (state: string): string => `focal.${state.toLowerCase()}.${tag}@example.test`;
  let db: SuiteDatabase;
  let api: TestApi;
  let worker: INestApplicationContext;
  let ds: DataSource;
  let admin: string;
  let due: string;
  let haitiDeadline: string;

  beforeAll(async () => {
    db = await createSuiteDatabase();
    const config = testConfig(db.url, { REMINDER_SWEEP_EVERY_MS: '250', OUTBOX_SWEEP_EVERY_MS: '250' });
    api = await startTestApi(config);
    worker = await startTestWorker(config);
    ds = api.app.get(DataSource);
    admin = (await signedIn(api, ds, { role: 'secretariat' })).bearer;
    for (const state of ['HTI', 'ARG'])
      await createAccount(ds, { role: 'state_focal_point', stateCode: state, email: focal(state) });
    due = addDays(localDate(await api.app.get(Clock).now(), TZ), 40);
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await db?.drop();
  });

  it('takes the title in Spanish, French and Portuguese when the deadline is created, and nothing else', async () => {
    const bad = await api
      .http()
      .post('/deadlines')
      .set('authorization', admin)
      .send({ title: 'Send the national information', titles: { de: 'Senden' }, dueDate: due, stateCodes: ['HTI'] });
    expect(bad.status).toBe(422);
    const res = await api
      .http()
      .post('/deadlines')
      .set('authorization', admin)
      .send({
        title: 'Send the national information for the annual report',
        titles: {
          fr: 'Envoyer les informations nationales pour le rapport annuel',
          pt: 'Enviar as informações nacionais para o relatório anual',
        },
        dueDate: due,
        stateCodes: ['HTI', 'ARG'],
      })
      .expect(201);
    const haiti = (res.body as Array<{ id: string; stateCode: string; titleTranslations: unknown }>).find(
      (d) => d.stateCode === 'HTI',
    ) as { id: string; titleTranslations: unknown };
    haitiDeadline = haiti.id;
    expect(haiti.titleTranslations).toEqual({
      fr: 'Envoyer les informations nationales pour le rapport annuel',
      pt: 'Enviar as informações nacionais para o relatório anual',
    });
  });

  it('sends the French reminder with the French title and "heure de New York"; Spanish falls back to English', async () => {
    const now = await api.app.get(Clock).now();
    await api.app.get(ClockService).advance(ruleInstant(due, -30, '09:00', TZ).getTime() + 60_000 - now.getTime());
    const [hti] = await sink.waitForMailTo(focal('HTI'));
    expect(hti.subject).toBe(
      'Rappel : Envoyer les informations nationales pour le rapport annuel – Haïti – dans 30 jours',
    );
    expect(hti.text).toContain('Envoyer les informations nationales pour le rapport annuel');
    expect(hti.text).toContain('heure de New York)');
    expect(hti.text).not.toContain('America/New_York');
    expect(hti.text).toContain(`/app/deadlines/${haitiDeadline}`);
    const [arg] = await sink.waitForMailTo(focal('ARG'));
    expect(arg.subject).toBe(
      'Recordatorio: Send the national information for the annual report – Argentina – vence en 30 días',
    );
    expect(arg.text).toContain('hora de Nueva York)');
  });
});
