import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AUTH_MESSAGES } from '@mesecvi/accounts';
import { APPOINTMENT_RULES } from '@mesecvi/appointments';
import { CODE_MESSAGES, localise } from '@mesecvi/errors';
import { KEYWORD_MESSAGES, REQUEST_INVALID_MESSAGES } from '@mesecvi/http';
import { createSuiteDatabase, signedIn, startTestApi, testConfig, type SuiteDatabase, type TestApi } from '../harness';

/** The language of `detail` and `errors[].message`: the account's, else Accept-Language, else English. */
describe('problem details in the caller’s language', () => {
  let db: SuiteDatabase;
  let api: TestApi;
  let french: string;
  let english: string;
  const today = new Date().toISOString().slice(0, 10);
  const appointment = (email: string): object => ({
    stateCode: 'ARG',
    kind: 'titular',
    person: { name: 'Susana Experta', email, language: 'es' },
    noteReference: 'Nota OEA/ARG 12/2026',
    notifiedOn: today,
    termStart: today,
  });
  const postAppointment = (bearer: string, body: object, acceptLanguage = 'es') =>
    api.http().post('/appointments').set('authorization', bearer).set('accept-language', acceptLanguage).send(body);

  beforeAll(async () => {
    db = await createSuiteDatabase();
    api = await startTestApi(testConfig(db.url));
    const ds = api.app.get(DataSource);
    french = (await signedIn(api, ds, { role: 'secretariat', language: 'fr' })).bearer;
    english = (await signedIn(api, ds, { role: 'secretariat', language: 'en' })).bearer;
    const email = `expert.${randomBytes(4).toString('hex')}@example.test`;
    await postAppointment(english, appointment(email)).expect(201);
  });
  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('answers a 409 rule in French to a French-speaking account, whatever Accept-Language says', async () => {
    const res = await postAppointment(french, appointment('second.arg@example.test')).expect(409);
    expect(res.headers['content-language']).toBe('fr');
    expect(res.body).toMatchObject({ code: 'conflict', title: 'Conflict', rule: 'replaces_mismatch' });
    expect(res.body.detail).toBe(
      localise(
        { messages: APPOINTMENT_RULES.replaces_mismatch.messages, params: { stateCode: 'ARG', kind: 'titular' } },
        'fr',
      ),
    );
    expect(res.body.detail).toMatch(/^ARG a déjà une nomination active/);
  });

  it('keeps English for an English-speaking account, as written today', async () => {
    const res = await postAppointment(english, appointment('third.arg@example.test')).expect(409);
    expect(res.body.rule).toBe('replaces_mismatch');
    expect(res.body.detail).toBe('ARG already has an active titular appointment; name it in replacesId to replace it.');
  });

  it('answers a 422 body validation in French to the French-speaking account', async () => {
    const res = await postAppointment(french, { kind: 'titular', colour: 'red' }).expect(422);
    expect(res.body).toMatchObject({ code: 'validation_failed', detail: REQUEST_INVALID_MESSAGES.body.fr });
    expect(res.body.errors).toEqual(
      expect.arrayContaining([
        { pointer: '/stateCode', keyword: 'required', message: 'Le champ stateCode est obligatoire.' },
        { pointer: '/colour', keyword: 'additionalProperties', message: 'colour n’est pas un champ reconnu.' },
      ]),
    );
  });

  it('answers a 422 field rule in French with its message in errors[]', async () => {
    const res = await postAppointment(french, { ...appointment('x.xyz@example.test'), stateCode: 'XYZ' }).expect(422);
    const message = localise({ messages: APPOINTMENT_RULES.known_state.messages, params: { stateCode: 'XYZ' } }, 'fr');
    expect(res.body).toMatchObject({ rule: 'known_state', detail: message });
    expect(res.body.errors).toEqual([{ pointer: '/stateCode', keyword: 'known_state', message }]);
  });

  it('answers an anonymous caller in Spanish by Accept-Language: a 422 body validation', async () => {
    const res = await api.http().post('/auth/login').set('accept-language', 'es-MX,es;q=0.9').send({}).expect(422);
    expect(res.headers['content-language']).toBe('es');
    expect(res.body).toMatchObject({ code: 'validation_failed', title: 'Validation failed' });
    expect(res.body.detail).toBe(REQUEST_INVALID_MESSAGES.body.es);
    expect(res.body.errors).toEqual(
      expect.arrayContaining([
        {
          pointer: '/email',
          keyword: 'required',
          message: localise({ messages: KEYWORD_MESSAGES.required, params: { field: 'email' } }, 'es'),
        },
      ]),
    );
  });

  it('answers an anonymous caller in Spanish by Accept-Language: a 401 and malformed JSON', async () => {
    const unauthenticated = await postAppointment('', appointment('y@example.test')).expect(401);
    expect(unauthenticated.body.detail).toBe(CODE_MESSAGES.unauthenticated.es);
    const malformed = await api
      .http()
      .post('/auth/login')
      .set('accept-language', 'es')
      .set('content-type', 'application/json')
      .send('{"email": ')
      .expect(400);
    expect(malformed.body).toMatchObject({ code: 'malformed_json', detail: CODE_MESSAGES.malformed_json.es });
    const refused = await api
      .http()
      .post('/auth/login')
      .set('accept-language', 'es')
      .send({ email: 'nobody@example.test', password: 'not-the-password' })
      .expect(401);
    expect(refused.body.detail).toBe(AUTH_MESSAGES.invalidCredentials.es);
  });

  it('answers in English when Accept-Language names no language the API speaks', async () => {
    const res = await api.http().post('/auth/login').set('accept-language', 'de').send({}).expect(422);
    expect(res.body.detail).toBe('The request body is not valid.');
    expect(res.headers['content-language']).toBe('en');
  });
});
