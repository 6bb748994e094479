import { DataSource } from 'typeorm';
import { QuestionnaireRegistry } from '@mesecvi/questionnaires';
import {
  createAccount,
  createSuiteDatabase,
  login,
  signedIn,
  startTestApi,
  testConfig,
  type SuiteDatabase,
  type TestAccount,
  type TestApi,
} from '../harness';

/**
 * Rapporteur assignment: the hard rule (never the appointing state nor a declared conflict) in the
 * service and in the database, who may assign (the secretariat; the Coordinator except for their
 * own state), the move to under_review, who sees an evaluation's rapporteurs, and a whole round
 * assigned from a deterministic, balanced proposal.
 */
describe('rapporteur assignment', () => {
  let db: SuiteDatabase;
  let api: TestApi;
  let ds: DataSource;
  let admin: string;
  let roundId: string;
  const evaluations: Record<string, string> = {};
  const experts: Record<string, TestAccount & { bearer: string; appointmentId: string }> = {};
  const STATES = ['ARG', 'BRA', 'CHL', 'HTI', 'MEX', 'PER'];

  const post = (path: string, bearer: string, body: object = {}) =>
    api.http().post(path).set('authorization', bearer).send(body);
  const get = (path: string, bearer: string) => api.http().get(path).set('authorization', bearer);
  const statusOf = async (state: string): Promise<string> =>
    (
      (await ds.query('SELECT status FROM state_evaluation WHERE id = $1', [evaluations[state]])) as Array<{
        status: string;
      }>
    )[0].status;
  const count = async (sql: string, params: unknown[] = []): Promise<number> =>
    Number(((await ds.query(sql, params)) as Array<{ n: string }>)[0].n);

  beforeAll(async () => {
    db = await createSuiteDatabase();
    api = await startTestApi(testConfig(db.url));
    ds = api.app.get(DataSource);
    const secretariat = await signedIn(api, ds, { role: 'secretariat' });
    admin = secretariat.bearer;
    const questionnaireId = (await api.app.get(QuestionnaireRegistry).current('evaluation-round')).id;
    const [round]: Array<{ id: string }> = await ds.query(
      `INSERT INTO round (kind, name, number, phase, questionnaire_version_id, response_due_date, created_at, updated_at)
       VALUES ('evaluation', 'Review round', 7, 'open_for_responses', $1, '2099-01-31', now(), now()) RETURNING id`,
      [questionnaireId],
    );
    roundId = round.id;
    for (const state of STATES) {
      // Submitted already (the submissions suites cover how): the review starts here.
      const [row]: Array<{ id: string }> = await ds.query(
        `INSERT INTO state_evaluation (round_id, state_code, questionnaire_version_id, status, distributed_at, updated_at) VALUES ($1, $2, $3, $4, now(), now()) RETURNING id`,
        [roundId, state, questionnaireId, state === 'PER' ? 'drafting' : 'submitted'],
      );
      evaluations[state] = row.id;
      const account = await createAccount(ds, { role: 'committee_expert', stateCode: state });
      const [appointment]: Array<{ id: string }> = await ds.query(
        `INSERT INTO appointment (state_code, kind, person_name, person_email, note_reference, notified_on, term_start, status, recorded_by, recorded_at, user_id)
         VALUES ($1, 'titular', 'Expert', $2, 'Note', '2026-01-01', '2026-01-01', 'active', $3, now(), $4) RETURNING id`,
        [state, account.email, secretariat.id, account.id],
      );
      experts[state] = {
        ...account,
        bearer: (await login(api, account.email, account.password)).bearer,
        appointmentId: appointment.id,
      };
    }
    // The expert of Argentina is the Coordinator; the expert of Chile declared a conflict with Haiti.
    await ds.query(
      `INSERT INTO committee_office (office, appointment_id, expert_user_id, method, term_start, term_end, status, recorded_by, recorded_at)
       VALUES ('coordinator', $1, $2, 'consensus', '2020-01-01', '2099-01-01', 'current', $3, now())`,
      [experts.ARG.appointmentId, experts.ARG.id, secretariat.id],
    );
    await post('/committee/conflicts', experts.CHL.bearer, {
      stateCode: 'HTI',
      reason: 'Worked for the Haitian ministry until 2025.',
    }).expect(201);
  });
  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('refuses the expert a state appointed, and a declared conflict: 409 naming the rule, nothing changed', async () => {
    const own = await post(`/evaluations/${evaluations.BRA}/rapporteurs`, admin, {
      expertUserIds: [experts.HTI.id, experts.BRA.id],
    });
    expect(own.status).toBe(409);
    expect(own.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(own.body).toMatchObject({
      rule: 'rapporteur_excluded_state',
      expertUserId: experts.BRA.id,
      stateCode: 'BRA',
    });
    const conflicted = await post(`/evaluations/${evaluations.HTI}/rapporteurs`, admin, {
      expertUserIds: [experts.CHL.id],
    });
    expect(conflicted.status).toBe(409);
    expect(conflicted.body.rule).toBe('rapporteur_excluded_state');
    expect(await count('SELECT count(*) AS n FROM rapporteur_assignment')).toBe(0);
    expect(await statusOf('BRA')).toBe('submitted');
  });

  it('has the same rule in the database: a trigger refuses a direct insert', async () => {
    const insert = (state: string, expert: string) =>
      ds.query(
        `INSERT INTO rapporteur_assignment (evaluation_id, expert_user_id, assigned_by, assigned_at) VALUES ($1, $2, $2, now())`,
        [evaluations[state], experts[expert].id],
      );
    await expect(insert('MEX', 'MEX')).rejects.toThrow(/rapporteur_excluded_state/);
    await expect(insert('HTI', 'CHL')).rejects.toThrow(/rapporteur_excluded_state/);
  });

  it('refuses a non-member (422), an evaluation that is not submitted (409), and experts without the office (403)', async () => {
    const stranger = await createAccount(ds, { role: 'committee_expert', stateCode: 'URY' });
    const notMember = await post(`/evaluations/${evaluations.BRA}/rapporteurs`, admin, {
      expertUserIds: [stranger.id],
    });
    expect(notMember.status).toBe(422);
    expect(notMember.body.errors[0]).toMatchObject({ pointer: '/expertUserIds/0', keyword: 'committee_member' });
    const drafting = await post(`/evaluations/${evaluations.PER}/rapporteurs`, admin, {
      expertUserIds: [experts.BRA.id],
    });
    expect(drafting.status).toBe(409);
    expect(drafting.body.rule).toBe('evaluation_not_reviewable');
    expect(
      (
        await post(`/evaluations/${evaluations.BRA}/rapporteurs`, experts.MEX.bearer, {
          expertUserIds: [experts.HTI.id],
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await post(`/evaluations/${evaluations.BRA}/rapporteurs`, experts.MEX.bearer, {
          expertUserIds: [experts.HTI.id],
        })
      ).body.code,
    ).toBe('forbidden');
  });

  it('lets the Coordinator assign, except for their own state (404); the first rapporteurs move the evaluation to under_review, audited', async () => {
    expect(
      (
        await post(`/evaluations/${evaluations.ARG}/rapporteurs`, experts.ARG.bearer, {
          expertUserIds: [experts.BRA.id],
        })
      ).status,
    ).toBe(404);
    const res = await post(`/evaluations/${evaluations.BRA}/rapporteurs`, experts.ARG.bearer, {
      expertUserIds: [experts.HTI.id, experts.MEX.id],
    }).expect(200);
    expect(res.body.map((a: { expertUserId: string }) => a.expertUserId).sort()).toEqual(
      [experts.HTI.id, experts.MEX.id].sort(),
    );
    expect(res.body[0]).toMatchObject({
      stateCode: 'BRA',
      status: 'open',
      expertAppointed: true,
      assignedBy: experts.ARG.id,
    });
    expect(await statusOf('BRA')).toBe('under_review');
    expect(
      await count(
        `SELECT count(*) AS n FROM audit_event WHERE action = 'rapporteur_assignment.created' AND summary->>'evaluationId' = $1`,
        [evaluations.BRA],
      ),
    ).toBe(2);
    expect(
      await count(
        `SELECT count(*) AS n FROM audit_event WHERE action = 'state_evaluation.status_changed' AND entity_id = $1 AND summary->>'to' = 'under_review'`,
        [evaluations.BRA],
      ),
    ).toBe(1);
    const again = await post(`/evaluations/${evaluations.BRA}/rapporteurs`, admin, { expertUserIds: [experts.HTI.id] });
    expect(again.status).toBe(409);
    expect(again.body.rule).toBe('rapporteur_already_assigned');
  });

  it('shows the rapporteurs to the secretariat, the Coordinator and the rapporteurs; other experts get 404, state users 403', async () => {
    for (const bearer of [admin, experts.ARG.bearer, experts.HTI.bearer])
      expect((await get(`/evaluations/${evaluations.BRA}/rapporteurs`, bearer)).status).toBe(200);
    expect((await get(`/evaluations/${evaluations.BRA}/rapporteurs`, experts.CHL.bearer)).status).toBe(404);
    expect((await get(`/evaluations/${evaluations.BRA}/rapporteurs`, experts.BRA.bearer)).status).toBe(404);
    const focal = await signedIn(api, ds, { role: 'state_focal_point', stateCode: 'BRA' });
    expect((await get(`/evaluations/${evaluations.BRA}/rapporteurs`, focal.bearer)).status).toBe(403);
    const mine = await get(`/rounds/${roundId}/rapporteur-assignments`, experts.MEX.bearer).expect(200);
    expect(mine.body.map((a: { stateCode: string }) => a.stateCode)).toEqual(['BRA']);
  });

  it('proposes a deterministic, conflict-free, balanced assignment for the rest of the round, and accepts it', async () => {
    const first = await post(`/rounds/${roundId}/rapporteur-proposal`, admin, { size: 2, seed: 'round-7' }).expect(200);
    const second = await post(`/rounds/${roundId}/rapporteur-proposal`, admin, { size: 2, seed: 'round-7' }).expect(
      200,
    );
    expect(second.body).toEqual(first.body);
    const proposal = first.body as {
      assignments: Array<{ evaluationId: string; stateCode: string; expertUserIds: string[] }>;
      loads: Record<string, number>;
      shortfalls: unknown[];
    };
    expect(proposal.assignments.map((a) => a.stateCode)).toEqual(['ARG', 'CHL', 'HTI', 'MEX']);
    expect(proposal.shortfalls).toEqual([]);
    for (const a of proposal.assignments) {
      expect(a.expertUserIds).toHaveLength(2);
      expect(a.expertUserIds).not.toContain(experts[a.stateCode].id);
      if (a.stateCode === 'HTI') expect(a.expertUserIds).not.toContain(experts.CHL.id);
    }
    const loads = Object.values(proposal.loads);
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);

    const accepted = await post(`/rounds/${roundId}/rapporteur-assignments`, admin, {
      assignments: proposal.assignments.map(({ evaluationId, expertUserIds }) => ({ evaluationId, expertUserIds })),
    }).expect(200);
    expect(accepted.body).toHaveLength(10);
    for (const state of ['ARG', 'BRA', 'CHL', 'HTI', 'MEX']) expect(await statusOf(state)).toBe('under_review');
  });

  it('accepts an edited proposal all or nothing: one excluded expert refuses the whole of it', async () => {
    const [row]: Array<{ id: string }> = await ds.query(
      `INSERT INTO state_evaluation (round_id, state_code, questionnaire_version_id, status, distributed_at, updated_at) VALUES ($1, 'URY', (SELECT questionnaire_version_id FROM round WHERE id = $1), 'submitted', now(), now()) RETURNING id`,
      [roundId],
    );
    const before = await count('SELECT count(*) AS n FROM rapporteur_assignment');
    const res = await post(`/rounds/${roundId}/rapporteur-assignments`, admin, {
      assignments: [
        { evaluationId: row.id, expertUserIds: [experts.ARG.id] },
        { evaluationId: evaluations.HTI, expertUserIds: [experts.CHL.id] },
      ],
    });
    expect(res.status).toBe(409);
    expect(res.body.rule).toBe('rapporteur_excluded_state');
    expect(await count('SELECT count(*) AS n FROM rapporteur_assignment')).toBe(before);
    expect(
      ((await ds.query('SELECT status FROM state_evaluation WHERE id = $1', [row.id])) as Array<{ status: string }>)[0]
        .status,
    ).toBe('submitted');
  });

  it('flags open assignments of an expert whose appointment ended, and lets the secretariat withdraw them', async () => {
    await ds.query(`UPDATE appointment SET status = 'ended', end_reason = 'term_end', ended_at = now() WHERE id = $1`, [
      experts.MEX.appointmentId,
    ]);
    const round = await get(`/rounds/${roundId}/rapporteur-assignments`, admin).expect(200);
    const flagged = (
      round.body as Array<{ id: string; expertUserId: string; expertAppointed: boolean; status: string }>
    ).filter((a) => !a.expertAppointed);
    expect(flagged.length).toBeGreaterThan(0);
    expect(flagged.every((a) => a.expertUserId === experts.MEX.id)).toBe(true);
    const withdrawn = await post(`/rapporteur-assignments/${flagged[0].id}/withdrawal`, admin).expect(200);
    expect(withdrawn.body).toMatchObject({ status: 'withdrawn' });
    expect((await post(`/rapporteur-assignments/${flagged[0].id}/withdrawal`, admin)).body.rule).toBe(
      'assignment_not_open',
    );
    // A conflict declared after the assignment: flagged, and the expert loses access to the review at once.
    const open = (
      round.body as Array<{ id: string; evaluationId: string; expertUserId: string; stateCode: string; status: string }>
    ).find((a) => a.expertUserId === experts.HTI.id && a.status === 'open') as {
      evaluationId: string;
      stateCode: string;
    };
    expect((await get(`/evaluations/${open.evaluationId}/rapporteurs`, experts.HTI.bearer)).status).toBe(200);
    await post('/committee/conflicts', experts.HTI.bearer, {
      stateCode: open.stateCode,
      reason: 'A relative joined the ministry.',
    }).expect(201);
    expect((await get(`/evaluations/${open.evaluationId}/rapporteurs`, experts.HTI.bearer)).status).toBe(404);
    const after = await get(`/rounds/${roundId}/rapporteur-assignments`, admin).expect(200);
    expect(
      (after.body as Array<{ expertUserId: string; stateCode: string; expertConflicted: boolean }>).find(
        (a) => a.expertUserId === experts.HTI.id && a.stateCode === open.stateCode,
      )?.expertConflicted,
    ).toBe(true);
    expect(
      await count(
        `SELECT count(*) AS n FROM audit_event WHERE action = 'rapporteur_assignment.withdrawn' AND entity_id = $1`,
        [flagged[0].id],
      ),
    ).toBe(1);
  });
});
