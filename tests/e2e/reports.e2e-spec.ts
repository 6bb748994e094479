import { DataSource } from 'typeorm';
import { DeadlinePassedHandlers, DeadlinesService } from '@mesecvi/deadlines';
import { QuestionnaireRegistry } from '@mesecvi/questionnaires';
import {
  createAccount,
  createSuiteDatabase,
  login,
  signedIn,
  startTestApi,
  testConfig,
  type SuiteDatabase,
  type TestApi,
} from '../harness';
import { uploadEvidence } from '../harness/submission-fixtures';

/**
 * Country reports through HTTP: drafting with If-Match and stable recommendation ids, the
 * preliminary report (mail staged to the focal point, observations deadline 30 days from that
 * day), observations (by the state or on its behalf), the overdue handler, adoption with its
 * rules and document symbols (distinct under concurrency), publication and the public pages.
 */
describe('country reports', () => {
  let db: SuiteDatabase;
  let api: TestApi;
  let ds: DataSource;
  let admin: string;
  let rapporteur: string;
  let roundNumber: number;
  const evaluations: Record<string, string> = {};
  const focal: Record<string, string> = {};
  const STATES = ['ARG', 'BRA', 'CHL', 'HTI'];

  const http = () => api.http();
  const statusOf = async (state: string): Promise<string> =>
    (
      (await ds.query('SELECT status FROM state_evaluation WHERE id = $1', [evaluations[state]])) as Array<{
        status: string;
      }>
    )[0].status;
  const draft = {
    sections: {
      legislation: 'The State adopted a comprehensive law.',
      budget: 'No specific budget line.\n\nExecution is not reported.',
    },
    recommendations: [
      { theme: 'budget', articles: ['8.a'], text: 'Allocate a specific budget line to the national plan.' },
      { theme: 'legislation', articles: ['7.c', '7.e'], text: 'Typify femicide in the criminal code.' },
    ],
  };

  /** Drafts the report of a state and sends it as preliminary; returns its id. */
  const preliminary = async (state: string): Promise<string> => {
    const created = await http()
      .post(`/evaluations/${evaluations[state]}/report`)
      .set('authorization', rapporteur)
      .expect(201);
    const saved = await http()
      .put(`/reports/${created.body.id}`)
      .set('authorization', rapporteur)
      .set('if-match', created.headers.etag)
      .send(draft)
      .expect(200);
    await http()
      .post(`/evaluations/${evaluations[state]}/review/completion`)
      .set('authorization', rapporteur)
      .expect(200);
    await http()
      .post(`/reports/${created.body.id}/preliminary`)
      .set('authorization', admin)
      .set('if-match', saved.headers.etag)
      .expect(200);
    return created.body.id as string;
  };

  beforeAll(async () => {
    db = await createSuiteDatabase();
    api = await startTestApi(testConfig(db.url));
    ds = api.app.get(DataSource);
    const secretariat = await signedIn(api, ds, { role: 'secretariat' });
    admin = secretariat.bearer;
    const expert = await createAccount(ds, { role: 'committee_expert', stateCode: 'MEX' });
    await ds.query(
      `INSERT INTO appointment (state_code, kind, person_name, person_email, note_reference, notified_on, term_start, status, recorded_by, recorded_at, user_id)
       VALUES ('MEX', 'titular', 'Expert', $1, 'Note', '2026-01-01', '2026-01-01', 'active', $2, now(), $3)`,
      [expert.email, secretariat.id, expert.id],
    );
    rapporteur = (await login(api, expert.email, expert.password)).bearer;
    const questionnaireId = (await api.app.get(QuestionnaireRegistry).current('evaluation-round')).id;
    roundNumber = 9;
    const [round]: Array<{ id: string }> = await ds.query(
      `INSERT INTO round (kind, name, number, phase, questionnaire_version_id, response_due_date, created_at, updated_at)
       VALUES ('evaluation', 'Fourth Multilateral Evaluation Round', $2, 'analysis', $1, '2026-01-31', now(), now()) RETURNING id`,
      [questionnaireId, roundNumber],
    );
    for (const state of STATES) {
      // Under review already (the review suites cover how it gets there), with our rapporteur.
      const [row]: Array<{ id: string }> = await ds.query(
        `INSERT INTO state_evaluation (round_id, state_code, questionnaire_version_id, status, distributed_at, updated_at) VALUES ($1, $2, $3, 'under_review', now(), now()) RETURNING id`,
        [round.id, state, questionnaireId],
      );
      evaluations[state] = row.id;
      await ds.query(
        `INSERT INTO rapporteur_assignment (evaluation_id, expert_user_id, assigned_by, assigned_at) VALUES ($1, $2, $3, now())`,
        [row.id, expert.id, secretariat.id],
      );
      focal[state] = (await signedIn(api, ds, { role: 'state_focal_point', stateCode: state })).bearer;
    }
  });
  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('drafts with If-Match and stable recommendation ids; the state does not see a draft', async () => {
    const created = await http()
      .post(`/evaluations/${evaluations.ARG}/report`)
      .set('authorization', rapporteur)
      .expect(201);
    expect(created.headers.etag).toBe('"1"');
    expect((await http().post(`/evaluations/${evaluations.ARG}/report`).set('authorization', admin)).body.rule).toBe(
      'report_exists',
    );
    const id = created.body.id as string;
    expect((await http().put(`/reports/${id}`).set('authorization', rapporteur).send(draft)).status).toBe(428);
    const first = await http()
      .put(`/reports/${id}`)
      .set('authorization', rapporteur)
      .set('if-match', '"1"')
      .send(draft)
      .expect(200);
    expect(first.body.recommendations.map((r: { id: string }) => r.id)).toEqual([
      `${roundNumber}-ARG-1`,
      `${roundNumber}-ARG-2`,
    ]);
    const stale = await http()
      .put(`/reports/${id}`)
      .set('authorization', rapporteur)
      .set('if-match', '"1"')
      .send(draft);
    expect(stale.status).toBe(412);
    expect(stale.body.currentEtag).toBe('"2"');
    // Keep #2 (edited), drop #1, add one: #1 is withdrawn for good and the new one is #3.
    const second = await http()
      .put(`/reports/${id}`)
      .set('authorization', rapporteur)
      .set('if-match', '"2"')
      .send({
        sections: draft.sections,
        recommendations: [
          { id: `${roundNumber}-ARG-2`, theme: 'legislation', articles: ['7.c'], text: 'Typify femicide.' },
          { theme: 'diversity', articles: ['9'], text: 'Collect data on Afro-descendant women.' },
        ],
      })
      .expect(200);
    expect(second.body.recommendations.map((r: { id: string; text: string }) => [r.id, r.text])).toEqual([
      [`${roundNumber}-ARG-2`, 'Typify femicide.'],
      [`${roundNumber}-ARG-3`, 'Collect data on Afro-descendant women.'],
    ]);
    const badTheme = await http()
      .put(`/reports/${id}`)
      .set('authorization', rapporteur)
      .set('if-match', '"3"')
      .send({ sections: { poetry: 'x' }, recommendations: [] });
    expect(badTheme.status).toBe(422);
    expect((await http().get(`/evaluations/${evaluations.ARG}/report`).set('authorization', focal.ARG)).status).toBe(
      404,
    );
  });

  it('sends the preliminary report: mail to the focal point, observations due 30 days from today, the state reads it', async () => {
    const report = await http().get(`/evaluations/${evaluations.ARG}/report`).set('authorization', admin).expect(200);
    expect(
      (
        await http()
          .post(`/reports/${report.body.id}/preliminary`)
          .set('authorization', admin)
          .set('if-match', report.headers.etag)
      ).body.rule,
    ).toBe('evaluation_status_transition');
    await http().post(`/evaluations/${evaluations.ARG}/review/completion`).set('authorization', rapporteur).expect(200);
    const sent = await http()
      .post(`/reports/${report.body.id}/preliminary`)
      .set('authorization', admin)
      .set('if-match', report.headers.etag)
      .expect(200);
    expect(sent.body.status).toBe('preliminary');
    expect(await statusOf('ARG')).toBe('preliminary_report_sent');
    const deadline = await ds.transaction((m) =>
      api.app.get(DeadlinesService).get(m, sent.body.observationsDeadlineId),
    );
    const today = new Date();
    const expected = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + 30))
      .toISOString()
      .slice(0, 10);
    expect([expected, new Date(Date.parse(expected) - 86400000).toISOString().slice(0, 10)]).toContain(
      deadline.dueDate,
    );
    expect(deadline.kind).toBe('observations');
    const mails: Array<{ template: string; recipient_role: string; link: string }> = await ds.query(
      `SELECT template, recipient_role, payload->>'link' AS link FROM outbox_message WHERE related_entity_id = $1`,
      [report.body.id],
    );
    expect(mails).toEqual([
      {
        template: 'preliminary_report',
        recipient_role: 'state_focal_point',
        link: expect.stringMatching(new RegExp(`^https?://[^/]+/app/evaluations/${evaluations.ARG}/report$`)),
      },
    ]);
    expect((await http().get(`/reports/${report.body.id}`).set('authorization', focal.ARG)).status).toBe(200);
    expect((await http().get(`/reports/${report.body.id}`).set('authorization', focal.BRA)).status).toBe(404);
  });

  it('refuses to adopt without observations or an override, then takes the state’s observations and adopts', async () => {
    const report = await http().get(`/evaluations/${evaluations.ARG}/report`).set('authorization', admin).expect(200);
    const early = await http()
      .post(`/reports/${report.body.id}/adoption`)
      .set('authorization', admin)
      .set('if-match', report.headers.etag)
      .send({ method: 'consensus', meeting: 'CEVI 22', adoptedOn: '2027-11-20' });
    expect(early.status).toBe(409);
    expect(early.body.rule).toBe('adoption_needs_observations_or_override');
    expect((await http().post(`/reports/${report.body.id}/publication`).set('authorization', admin)).body.rule).toBe(
      'report_not_adopted',
    );
    // Evidence cited by an observation must belong to this evaluation: Brazil's file is refused, nothing stored.
    const [ownFile] = await uploadEvidence(api, focal.ARG, evaluations.ARG, 1);
    const brazilFiles: Array<{ id: string }> = await ds.query(
      'SELECT id FROM evidence_attachment WHERE evaluation_id = $1 LIMIT 1',
      [evaluations.BRA],
    );
    const brazilFile = brazilFiles[0]?.id ?? '00000000-0000-4000-8000-000000000000';
    const foreign = await http()
      .post(`/reports/${report.body.id}/observations`)
      .set('authorization', focal.ARG)
      .send({ general: 'The State thanks the Committee.', generalAttachmentIds: [ownFile, brazilFile] })
      .expect(422);
    expect(foreign.body.errors[0]).toMatchObject({ pointer: '/generalAttachmentIds/1', keyword: 'known_attachment' });
    expect(
      (
        (await ds.query('SELECT count(*)::int AS n FROM report_observation WHERE report_id = $1', [
          report.body.id,
        ])) as Array<{ n: number }>
      )[0].n,
    ).toBe(0);
    const withObs = await http()
      .post(`/reports/${report.body.id}/observations`)
      .set('authorization', focal.ARG)
      .send({
        general: 'The State thanks the Committee.',
        perRecommendation: [
          { recommendationId: `${roundNumber}-ARG-2`, text: 'A bill is before Congress.', attachmentIds: [ownFile] },
        ],
      })
      .expect(200);
    expect(withObs.body.observations).toHaveLength(2);
    expect(
      withObs.body.observations.find((o: { recommendationId: string | null }) => o.recommendationId !== null)
        .attachmentIds,
    ).toEqual([ownFile]);
    expect(await statusOf('ARG')).toBe('observations_received');
    expect(
      (
        (await ds.query('SELECT status FROM deadline WHERE id = $1', [report.body.observationsDeadlineId])) as Array<{
          status: string;
        }>
      )[0].status,
    ).toBe('completed');
    const adopted = await http()
      .post(`/reports/${report.body.id}/adoption`)
      .set('authorization', admin)
      .set('if-match', withObs.headers.etag)
      .send({
        method: 'vote',
        votesFor: 20,
        votesAgainst: 2,
        abstentions: 1,
        meeting: 'Twenty-second Meeting of the CEVI',
        adoptedOn: '2027-11-20',
      })
      .expect(200);
    expect(adopted.body).toMatchObject({
      status: 'adopted',
      symbol: 'MESECVI/CEVI/doc.1/27',
      adoption: { method: 'vote', adoptedOn: '2027-11-20', votes: { for: 20, against: 2, abstentions: 1 } },
    });
    expect(adopted.body.recommendations.every((r: { status: string }) => r.status === 'adopted')).toBe(true);
    const edit = await http()
      .put(`/reports/${report.body.id}`)
      .set('authorization', rapporteur)
      .set('if-match', adopted.headers.etag)
      .send(draft);
    expect(edit.status).toBe(409);
    expect(edit.body.rule).toBe('report_adopted');
  });

  it('publishes: readable without login as JSON, HTML and Markdown, with the observations; unpublished ones are 404', async () => {
    const report = await http().get(`/evaluations/${evaluations.ARG}/report`).set('authorization', admin).expect(200);
    expect((await http().get(`/public/reports/${report.body.id}`)).status).toBe(404);
    await http().post(`/reports/${report.body.id}/publication`).set('authorization', admin).expect(200);
    expect(await statusOf('ARG')).toBe('published');
    const list = await http().get('/public/reports').expect(200);
    expect(list.body.map((r: { symbol: string }) => r.symbol)).toEqual(['MESECVI/CEVI/doc.1/27']);
    const html = await http().get(`/public/reports/${report.body.id}?format=html&lang=es`).expect(200);
    expect(html.headers['content-type']).toMatch(/^text\/html/);
    expect(html.text).toContain('Argentina');
    expect(html.text).toContain(`${roundNumber}-ARG-2`);
    expect(html.text).toContain('The State thanks the Committee.');
    const md = await http().get(`/public/reports/${report.body.id}?format=md`).expect(200);
    expect(md.text).toContain('## Observations of the State');
  });

  it('changes an adopted report only through corrigenda: Rev.1, Rev.2, with the reason and the replaced text', async () => {
    const report = await http().get(`/evaluations/${evaluations.ARG}/report`).set('authorization', admin).expect(200);
    const none = await http()
      .post(`/reports/${report.body.id}/corrigenda`)
      .set('authorization', admin)
      .set('if-match', report.headers.etag)
      .send({ reason: 'Nothing', sections: { budget: report.body.sections.budget } });
    expect(none.status).toBe(422);
    const first = await http()
      .post(`/reports/${report.body.id}/corrigenda`)
      .set('authorization', admin)
      .set('if-match', report.headers.etag)
      .send({ reason: 'Figure transcribed wrongly.', sections: { budget: 'A budget line exists since 2026.' } })
      .expect(200);
    expect(first.body).toMatchObject({
      revision: 1,
      documentSymbol: 'MESECVI/CEVI/doc.1/27/Rev.1',
      symbol: 'MESECVI/CEVI/doc.1/27',
    });
    expect(first.body.sections.legislation).toBe(draft.sections.legislation);
    expect(
      (
        await http()
          .post(`/reports/${report.body.id}/corrigenda`)
          .set('authorization', admin)
          .set('if-match', report.headers.etag)
          .send({ reason: 'x', sections: { budget: 'y' } })
      ).status,
    ).toBe(412);
    const second = await http()
      .post(`/reports/${report.body.id}/corrigenda`)
      .set('authorization', admin)
      .set('if-match', first.headers.etag)
      .send({ reason: 'Typo.', sections: { legislation: 'The State adopted a comprehensive law (2009).' } })
      .expect(200);
    expect(second.body.documentSymbol).toBe('MESECVI/CEVI/doc.1/27/Rev.2');
    const rows: Array<{
      revision: number;
      reason: string;
      changed_sections: string[];
      previous_sections: Record<string, string>;
    }> = await ds.query(
      'SELECT revision, reason, changed_sections, previous_sections FROM country_report_corrigendum WHERE report_id = $1 ORDER BY revision',
      [report.body.id],
    );
    expect(rows.map((r) => [r.revision, r.reason, r.changed_sections])).toEqual([
      [1, 'Figure transcribed wrongly.', ['budget']],
      [2, 'Typo.', ['legislation']],
    ]);
    expect(rows[0].previous_sections.budget).toBe(draft.sections.budget);
    expect((await http().get(`/public/reports/${report.body.id}?format=md`).expect(200)).text).toContain(
      'MESECVI/CEVI/doc.1/27/Rev.2',
    );
  });

  it('marks observations overdue when their deadline passes, enters late ones on the state’s behalf never, and adopts with an override before the deadline', async () => {
    const bra = await preliminary('BRA');
    const handler = api.app.get(DeadlinePassedHandlers).handlerFor('observations');
    const braDeadline = (await http().get(`/reports/${bra}`).set('authorization', admin)).body
      .observationsDeadlineId as string;
    await ds.transaction(async (m) =>
      handler?.(m, await api.app.get(DeadlinesService).get(m, braDeadline), new Date()),
    );
    expect(await statusOf('BRA')).toBe('observations_overdue');
    const late = await http()
      .post(`/reports/${bra}/observations`)
      .set('authorization', admin)
      .send({ general: 'Late.', onBehalf: { channel: 'email', reference: 'mail of 3 May' } });
    expect(late.body.rule).toBe('observations_deadline_passed');

    const chl = await preliminary('CHL');
    const current = await http().get(`/reports/${chl}`).set('authorization', admin);
    const overridden = await http()
      .post(`/reports/${chl}/adoption`)
      .set('authorization', admin)
      .set('if-match', current.headers.etag)
      .send({
        method: 'consensus',
        meeting: 'CEVI 22',
        adoptedOn: '2027-11-21',
        overrideReason: 'The State wrote that it will not send observations.',
        symbol: 'MESECVI/CEVI/doc.99/27',
      })
      .expect(200);
    expect(overridden.body).toMatchObject({
      symbol: 'MESECVI/CEVI/doc.99/27',
      adoption: { overrideReason: 'The State wrote that it will not send observations.' },
    });
    expect(await statusOf('CHL')).toBe('final_adopted');
  });

  it('gives concurrent adoptions distinct symbols from the year’s sequence; a hand-set symbol already used is refused', async () => {
    const hti = await preliminary('HTI');
    await http()
      .post(`/reports/${hti}/observations`)
      .set('authorization', admin)
      .send({ general: 'Received by note.', onBehalf: { channel: 'diplomatic_note', reference: 'Note 12/2027' } })
      .expect(200);
    const bra = (await http().get(`/evaluations/${evaluations.BRA}/report`).set('authorization', admin)).body
      .id as string;
    const dup = await http()
      .post(`/reports/${hti}/adoption`)
      .set('authorization', admin)
      .set('if-match', (await http().get(`/reports/${hti}`).set('authorization', admin)).headers.etag)
      .send({ method: 'consensus', meeting: 'CEVI 22', adoptedOn: '2027-11-22', symbol: 'MESECVI/CEVI/doc.99/27' });
    expect(dup.status).toBe(409);
    expect(dup.body.rule).toBe('symbol_taken');
    const adopt = async (id: string) =>
      http()
        .post(`/reports/${id}/adoption`)
        .set('authorization', admin)
        .set('if-match', (await http().get(`/reports/${id}`).set('authorization', admin)).headers.etag)
        .send({ method: 'consensus', meeting: 'CEVI 22', adoptedOn: '2027-11-22' });
    const results = await Promise.all([adopt(hti), adopt(bra)]);
    expect(results.map((r) => r.status)).toEqual([200, 200]);
    expect(results.map((r) => r.body.symbol as string).sort()).toEqual([
      'MESECVI/CEVI/doc.2/27',
      'MESECVI/CEVI/doc.3/27',
    ]);
  });
});
