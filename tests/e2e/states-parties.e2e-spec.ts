import { DataSource } from 'typeorm';
import {
  createAccount,
  createSuiteDatabase,
  login,
  startTestApi,
  testConfig,
  type SuiteDatabase,
  type TestApi,
} from '../harness';

describe('states parties registry and contacts', () => {
  let db: SuiteDatabase;
  let api: TestApi;
  let ds: DataSource;
  let admin: string;
  let argentina: string;

  beforeAll(async () => {
    db = await createSuiteDatabase();
    api = await startTestApi(testConfig(db.url));
    ds = api.app.get(DataSource);
    const secretariat = await createAccount(ds, { role: 'secretariat' });
    admin = (await login(api, secretariat.email, secretariat.password)).bearer;
    const fp = await createAccount(ds, { role: 'state_focal_point', stateCode: 'ARG' });
    argentina = (await login(api, fp.email, fp.password)).bearer;
  });
  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('lists the 32 states parties with names in four languages and no ratification dates yet', async () => {
    const res = await api.http().get('/states-parties').set('authorization', argentina).expect(200);
    expect(res.body).toHaveLength(32);
    const codes = (res.body as Array<{ code: string }>).map((s) => s.code);
    expect(codes).not.toEqual(expect.arrayContaining(['CAN']));
    expect(codes).not.toContain('USA');
    expect(codes).not.toContain('CUB');
    const haiti = (res.body as Array<Record<string, unknown>>).find((s) => s.code === 'HTI');
    expect(haiti).toMatchObject({
      name: { en: 'Haiti', fr: 'Haïti' },
      workingLanguage: 'fr',
      oasMembership: 'member',
      ratificationDate: null,
    });
    const nicaragua = (res.body as Array<Record<string, unknown>>).find((s) => s.code === 'NIC');
    expect(nicaragua).toMatchObject({ oasMembership: 'withdrawn' });
  });

  it('lets the secretariat enter a ratification date, guarded by If-Match, and audits it', async () => {
    const before = await api.http().get('/states-parties/ATG').set('authorization', admin).expect(200);
    expect(before.headers.etag).toBe('"1"');
    const res = await api
      .http()
      .patch('/states-parties/ATG')
      .set('authorization', admin)
      .set('if-match', '"1"')
      .send({ ratificationDate: '1998-08-19' })
      .expect(200);
    expect(res.body).toMatchObject({ ratificationDate: '1998-08-19', version: 2 });
    expect(res.headers.etag).toBe('"2"');
    const stale = await api
      .http()
      .patch('/states-parties/ATG')
      .set('authorization', admin)
      .set('if-match', '"1"')
      .send({ ratificationDate: '1999-01-01' })
      .expect(412);
    expect(stale.headers.etag).toBe('"2"');
    const audit = await ds.query(
      `SELECT action, summary FROM audit_event WHERE entity_type = 'state_party' AND entity_id = 'ATG'`,
    );
    expect(audit).toEqual([{ action: 'state_party.updated', summary: { fields: ['ratificationDate'] } }]);
  });

  it('reads If-Match as "n", W/"n" or n alike, and refuses anything else with 412 changing nothing', async () => {
    const patch = (ifMatch: string, ratificationDate: string) =>
      api
        .http()
        .patch('/states-parties/BLZ')
        .set('authorization', admin)
        .set('if-match', ifMatch)
        .send({ ratificationDate });
    expect((await patch('1', '1996-11-25')).body).toMatchObject({ version: 2 });
    expect((await patch('W/"2"', '1996-11-26')).body).toMatchObject({ version: 3 });
    for (const unparseable of ['*', '"three"', '"3", "4"']) {
      const refused = await patch(unparseable, '2000-01-01');
      expect({ status: refused.status, type: refused.headers['content-type'] }).toEqual({
        status: 412,
        type: expect.stringMatching(/^application\/problem\+json/),
      });
    }
    const after = await api.http().get('/states-parties/BLZ').set('authorization', admin).expect(200);
    expect({ etag: after.headers.etag, ratificationDate: after.body.ratificationDate }).toEqual({
      etag: '"3"',
      ratificationDate: '1996-11-26',
    });
  });

  it('refuses bad values with 422 naming the field, and changes nothing', async () => {
    const res = await api
      .http()
      .patch('/states-parties/BRB')
      .set('authorization', admin)
      .send({ ratificationDate: '2025-13-45', colour: 'blue' })
      .expect(422);
    expect((res.body.errors as Array<{ pointer: string }>).map((e) => e.pointer).sort()).toEqual([
      '/colour',
      '/ratificationDate',
    ]);
    const row = await ds.query(`SELECT ratification_date, version FROM state_party WHERE code = 'BRB'`);
    expect(row).toEqual([{ ratification_date: null, version: 1 }]);
  });

  it('shows a state its own contacts and answers 404 for another state’s', async () => {
    const created = await api
      .http()
      .post('/states-parties/ARG/contacts')
      .set('authorization', admin)
      .send({
        kind: 'permanent_mission',
        name: 'Misión Permanente de la Argentina ante la OEA',
        email: 'Mision.ARG@example.test',
      })
      .expect(201);
    expect(created.body).toMatchObject({ stateCode: 'ARG', email: 'mision.arg@example.test' });
    await api
      .http()
      .post('/states-parties/BRA/contacts')
      .set('authorization', admin)
      .send({ kind: 'permanent_mission', name: 'Missão do Brasil', email: 'missao.bra@example.test' })
      .expect(201);

    const own = await api.http().get('/states-parties/ARG/contacts').set('authorization', argentina).expect(200);
    expect(own.body).toHaveLength(1);
    const other = await api.http().get('/states-parties/BRA/contacts').set('authorization', argentina).expect(404);
    expect(other.body.code).toBe('not_found');
    await api.http().get('/states-parties/XXX/contacts').set('authorization', admin).expect(404);
    await api
      .http()
      .patch(`/states-parties/ARG/contacts/${created.body.id}`)
      .set('authorization', argentina)
      .send({ phone: '1' })
      .expect(403);
    await api
      .http()
      .patch('/states-parties/ARG/contacts/not-a-uuid')
      .set('authorization', admin)
      .send({ phone: '1' })
      .expect(404);
    await api.http().delete('/states-parties/BRA/contacts/not-a-uuid').set('authorization', admin).expect(404);
  });
});
