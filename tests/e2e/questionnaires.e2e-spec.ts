import fs from 'node:fs';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { AuditService } from '@mesecvi/audit';
import { Clock } from '@mesecvi/clock';
import { DomainError } from '@mesecvi/errors';
import { QUESTIONNAIRE_FILES, QuestionnaireRegistry, type QuestionnaireFile } from '@mesecvi/questionnaires';
import {
  createAccount,
  createSuiteDatabase,
  login,
  startTestApi,
  testConfig,
  type SuiteDatabase,
  type TestApi,
} from '../harness';

const examples = path.join(__dirname, '..', '..', 'schemas', 'examples', 'evaluation-round');
const example = (name: string): unknown => JSON.parse(fs.readFileSync(path.join(examples, name), 'utf8'));
const file = QUESTIONNAIRE_FILES.find((q) => q.key === 'evaluation-round') as QuestionnaireFile;

/** The evaluation-round file with one item's text limit changed: "an edited file". */
const edited = (maxLength: number): QuestionnaireFile => {
  const schema = structuredClone(file.schema) as {
    properties: Record<string, { properties: Record<string, unknown> }>;
  };
  schema.properties['DIV-07'].properties.description = { type: 'string', minLength: 1, maxLength };
  return { ...file, schema };
};

const generated = (stateCode: string, label = 'Measures taken on recommendation 12') => ({
  key: 'follow-up-test',
  stateCode,
  schema: {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    type: 'object',
    additionalProperties: false,
    required: ['REC-12'],
    properties: {
      'REC-12': {
        type: 'object',
        additionalProperties: false,
        required: ['measures'],
        properties: {
          measures: { $ref: '../defs/bounded-text.schema.json' },
          figures: { $ref: '../defs/year-table.schema.json' },
        },
        'x-theme': 'legislation',
        'x-articles': ['7.c'],
        'x-indicator': 'process',
      },
    },
  },
  i18n: {
    en: {
      themes: { legislation: 'Legislation' },
      fields: { measures: 'Measures taken', figures: 'Figures', year: 'Year', value: 'Value', note: 'Note' },
      options: {},
      items: { 'REC-12': { label, help: 'Describe the measures.' } },
    },
  },
});

describe('questionnaire registry', () => {
  let db: SuiteDatabase;
  let api: TestApi;
  let ds: DataSource;
  let registry: QuestionnaireRegistry;
  let clock: Clock;

  beforeAll(async () => {
    db = await createSuiteDatabase();
    api = await startTestApi(testConfig(db.url));
    ds = api.app.get(DataSource);
    registry = api.app.get(QuestionnaireRegistry);
    clock = api.app.get(Clock);
  });
  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  const rows = (key: string): Promise<Array<{ version: number; content_hash: string; source: string }>> =>
    ds.query('SELECT version, content_hash, source FROM questionnaire_version WHERE key = $1 ORDER BY version', [key]);

  it('registers the files once by content hash: same content → same version, edited → next number, edited back → the old one', async () => {
    const first = (await registry.ensureFileVersions()).get('evaluation-round');
    expect(first).toMatchObject({
      key: 'evaluation-round',
      version: 1,
      source: 'file',
      stateCode: null,
      frozenAt: null,
    });
    expect((await registry.registerFiles())[0].id).toBe(first?.id);
    const v2 = (await registry.registerFiles([edited(3000)]))[0];
    expect(v2).toMatchObject({ version: 2 });
    expect(v2.contentHash).not.toBe(first?.contentHash);
    expect((await registry.registerFiles([file]))[0].id).toBe(first?.id);
    expect((await rows('evaluation-round')).map((r) => r.version)).toEqual([1, 2]);
    const audit = await ds.query(
      `SELECT summary FROM audit_event WHERE action = 'questionnaire_version.registered' AND summary->>'key' = 'evaluation-round' ORDER BY id`,
    );
    expect(audit).toEqual([
      { summary: { key: 'evaluation-round', version: 1, source: 'file', stateCode: null } },
      { summary: { key: 'evaluation-round', version: 2, source: 'file', stateCode: null } },
    ]);
  });

  it('registers concurrently without duplicates (one advisory lock per key)', async () => {
    const results = await Promise.all(Array.from({ length: 6 }, () => registry.registerFiles([edited(2500)])));
    expect(new Set(results.map((r) => r[0].id)).size).toBe(1);
    expect((await rows('evaluation-round')).map((r) => r.version)).toEqual([1, 2, 3]);
  });

  it('refuses a schema outside the conventions, listing the problems', async () => {
    const bad = structuredClone(file.schema) as { properties: Record<string, Record<string, unknown>> };
    bad.properties['LEG-01']['x-articles'] = ['7c'];
    bad.properties['LEG-02'] = { ...bad.properties['LEG-02'], oneOf: [{ type: 'object' }] };
    const error = await registry.registerFiles([{ ...file, schema: bad }]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('validation_failed');
    expect((error as DomainError).message).toMatch(/oneOf is outside the schema subset/);
    expect((error as DomainError).message).toMatch(/x-articles/);
  });

  it('accepts generated versions (bundling the shared definitions), one per content and state', async () => {
    const now = await clock.now();
    const arg = await ds.transaction((m) => registry.registerGenerated(m, generated('arg'), now));
    expect(arg).toMatchObject({ key: 'follow-up-test', version: 1, source: 'generated', stateCode: 'ARG' });
    expect((await ds.transaction((m) => registry.registerGenerated(m, generated('ARG'), now))).id).toBe(arg.id);
    const bra = await ds.transaction((m) => registry.registerGenerated(m, generated('BRA'), now));
    expect(bra).toMatchObject({ version: 2, stateCode: 'BRA' });
    const stored: Array<{ schema: { $defs: Record<string, unknown> } }> = await ds.query(
      'SELECT schema FROM questionnaire_version WHERE id = $1',
      [arg.id],
    );
    expect(Object.keys(stored[0].schema.$defs).sort()).toEqual(['bounded-text', 'short-text', 'year', 'year-table']);
    const result = await registry.validate(
      arg.id,
      { 'REC-12': { measures: 'Ley 27.499', figures: [{ year: 2023, value: -1 }] } },
      'strict',
      'es',
    );
    expect(result.errors).toEqual([
      {
        pointer: '/REC-12/figures/0/value',
        keyword: 'minimum',
        message: 'Introduzca un valor igual o superior a 0.',
        label: 'Measures taken on recommendation 12',
      },
    ]);
  });

  it('freezes a version in use: it can then never be deleted, and no version content can ever be updated', async () => {
    const now = await clock.now();
    const { id } = await ds.transaction((m) => registry.registerGenerated(m, generated('ARG', 'Frozen one'), now));
    const frozen = await ds.transaction((m) => registry.freeze(m, id, now));
    expect(frozen.frozenAt).toBe(now.toISOString());
    const again = await ds.transaction(async (m) => registry.freeze(m, id, new Date(now.getTime() + 60_000)));
    expect(again.frozenAt).toBe(now.toISOString());
    await expect(ds.transaction((m) => registry.remove(m, id, now))).rejects.toMatchObject({ code: 'conflict' });
    // The database refuses too, whoever asks.
    await expect(ds.query('DELETE FROM questionnaire_version WHERE id = $1', [id])).rejects.toThrow(
      /frozen: DELETE refused/,
    );
    await expect(ds.query(`UPDATE questionnaire_version SET schema = '{}'::jsonb WHERE id = $1`, [id])).rejects.toThrow(
      /immutable: UPDATE refused/,
    );
    await expect(
      ds.query(`UPDATE questionnaire_version SET content_hash = repeat('0', 64) WHERE id = $1`, [id]),
    ).rejects.toThrow(/immutable/);
    await expect(ds.query('UPDATE questionnaire_version SET frozen_at = NULL WHERE id = $1', [id])).rejects.toThrow(
      /frozen: UPDATE refused/,
    );
    await expect(ds.query('TRUNCATE questionnaire_version CASCADE')).rejects.toThrow(/TRUNCATE refused/);
    const audit = await ds.query(`SELECT action FROM audit_event WHERE entity_id = $1 ORDER BY id`, [id]);
    expect(audit.map((a: { action: string }) => a.action)).toEqual([
      'questionnaire_version.registered',
      'questionnaire_version.frozen',
    ]);

    // An unfrozen version is still immutable, but may be discarded.
    const { id: loose } = await ds.transaction((m) =>
      registry.registerGenerated(m, generated('ARG', 'Discarded one'), now),
    );
    await expect(
      ds.query(`UPDATE questionnaire_version SET i18n = '{}'::jsonb WHERE id = $1`, [loose]),
    ).rejects.toThrow(/immutable/);
    await ds.transaction((m) => registry.remove(m, loose, now));
    expect(await ds.query('SELECT id FROM questionnaire_version WHERE id = $1', [loose])).toEqual([]);
  });

  it('validates with validators compiled from the stored version, in a fresh process (jsonb key order does not matter)', async () => {
    const fresh = new QuestionnaireRegistry(ds, clock, api.app.get(AuditService));
    const { id } = await fresh.current('evaluation-round');
    expect(await fresh.validate(id, example('valid-argentina-complete.json'), 'strict', 'es')).toEqual({
      valid: true,
      errors: [],
    });
    for (const name of ['invalid-wrong-values', 'invalid-incomplete']) {
      const expected = example(`${name}.expected.json`) as { strict: unknown[]; lenient: unknown[] };
      for (const mode of ['strict', 'lenient'] as const) {
        const result = await fresh.validate(id, example(`${name}.json`), mode, 'pt');
        expect({ name, mode, got: result.errors.map(({ pointer, keyword }) => ({ pointer, keyword })) }).toEqual({
          name,
          mode,
          got: expected[mode],
        });
      }
    }
    const compiled = await fresh.compiled(id);
    expect(await fresh.compiled(id)).toBe(compiled);
    expect(compiled.compileMs.strict).toBeGreaterThan(0);
  });

  describe('GET /questionnaires/:key/versions/:version', () => {
    it("returns schema, items in order and texts in the caller's language, English where untranslated", async () => {
      const fp = await createAccount(ds, { role: 'state_focal_point', stateCode: 'ARG', language: 'es' });
      const bearer = (await login(api, fp.email, fp.password)).bearer;
      const res = await api
        .http()
        .get('/questionnaires/evaluation-round/versions/1')
        .set('authorization', bearer)
        .expect(200);
      expect(res.body).toMatchObject({ key: 'evaluation-round', version: 1, language: 'es', source: 'file' });
      expect(res.body.items).toHaveLength(50);
      expect(res.body.items.slice(0, 2).map((i: { id: string }) => i.id)).toEqual(['LEG-01', 'LEG-02']);
      expect(res.body.items.at(-1).id).toBe('DIV-07');
      expect(res.body.texts.items['LEG-02'].label).toBe('Ley integral sobre violencia contra las mujeres');
      expect(res.body.schema.properties['LEG-02']).toMatchObject({
        $ref: '#/$defs/yes-no-with-citation',
        'x-articles': ['1', '2', '7.c'],
      });
      const fr = await api
        .http()
        .get('/questionnaires/evaluation-round/versions/1?lang=fr')
        .set('authorization', bearer)
        .expect(200);
      expect(fr.body.texts.items['LEG-09'].label).toBe(
        'Lois et pratiques modifiées ou abrogées depuis le dernier cycle',
      );
      await api.http().get('/questionnaires/evaluation-round/versions/999').set('authorization', bearer).expect(404);
      await api.http().get('/questionnaires/evaluation-round/versions/one').set('authorization', bearer).expect(404);
      await api
        .http()
        .get('/questionnaires/evaluation-round/versions/1?lang=de')
        .set('authorization', bearer)
        .expect(422);
    });

    it('serves a frozen version in a named language as immutable; an unfrozen one, or in the caller’s language, as no-store', async () => {
      const now = await clock.now();
      const reader = await createAccount(ds, { role: 'state_contributor', stateCode: 'URY' });
      const bearer = (await login(api, reader.email, reader.password)).bearer;
      const version = await ds.transaction((m) => registry.registerGenerated(m, generated('URY', 'Cached one'), now));
      const path = `/questionnaires/${version.key}/versions/${version.version}`;
      const header = async (url: string): Promise<string | undefined> =>
        (await api.http().get(url).set('authorization', bearer).expect(200)).headers['cache-control'];
      expect(await header(`${path}?lang=fr`)).toBe('no-store');
      await ds.transaction((m) => registry.freeze(m, version.id, now));
      expect(await header(`${path}?lang=fr`)).toBe('private, max-age=31536000, immutable');
      expect(await header(path)).toBe('no-store');
    });

    it("shows a state's generated questionnaire to that state only (others get 404)", async () => {
      const own = await createAccount(ds, { role: 'state_contributor', stateCode: 'BRA' });
      const other = await createAccount(ds, { role: 'state_contributor', stateCode: 'ARG' });
      const path = '/questionnaires/follow-up-test/versions/2';
      const res = await api
        .http()
        .get(`${path}?lang=pt`)
        .set('authorization', (await login(api, own.email, own.password)).bearer)
        .expect(200);
      // Generated with English texts only: Portuguese falls back to them.
      expect(res.body).toMatchObject({
        language: 'pt',
        stateCode: 'BRA',
        texts: { items: { 'REC-12': { label: 'Measures taken on recommendation 12' } } },
      });
      await api
        .http()
        .get(path)
        .set('authorization', (await login(api, other.email, other.password)).bearer)
        .expect(404);
    });
  });
});
