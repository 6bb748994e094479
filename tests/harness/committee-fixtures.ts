import type { DataSource } from 'typeorm';
import { QuestionnaireRegistry } from '@mesecvi/questionnaires';
import { createAccount, login, type Session, type TestAccount } from './accounts';
import { exampleAnswers, openRoundFor, uploadEvidence } from './submission-fixtures';
import type { TestApi } from './test-api';

export interface DraftRecommendation {
  theme: string;
  articles: string[];
  text: string;
}

/** A committee expert appointed (titular) by `stateCode`, signed in; `name` and `since` (term start) default to 'Expert' and 2026-01-01. */
export async function appointedExpert(
  api: TestApi,
  ds: DataSource,
  secretariatId: string,
  stateCode: string,
  seat: { name?: string; since?: string } = {},
): Promise<TestAccount & Session> {
  const name = seat.name ?? 'Expert';
  const account = await createAccount(ds, { role: 'committee_expert', stateCode, ...(seat.name ? { name } : {}) });
  await ds.query(
    `INSERT INTO appointment (state_code, kind, person_name, person_email, note_reference, notified_on, term_start, status, recorded_by, recorded_at, user_id)
     VALUES ($1, 'titular', $5, $2, $6, $7, $7, 'active', $3, now(), $4)`,
    [stateCode, account.email, secretariatId, account.id, name, `Note ${stateCode}`, seat.since ?? '2026-01-01'],
  );
  return { ...account, ...(await login(api, account.email, account.password)) };
}

/** The focal point fills the evaluation's draft with the complete example answers and submits. */
export async function submitExampleAnswers(
  api: TestApi,
  ds: DataSource,
  focalBearer: string,
  evaluationId: string,
): Promise<void> {
  const [{ version }]: Array<{ version: number }> = await ds.query(
    'SELECT version FROM answer_draft WHERE evaluation_id = $1',
    [evaluationId],
  );
  const answers = exampleAnswers('valid-argentina-complete', await uploadEvidence(api, focalBearer, evaluationId, 7));
  await api
    .http()
    .put(`/evaluations/${evaluationId}/draft`)
    .set('authorization', focalBearer)
    .set('if-match', `"${version}"`)
    .send(answers)
    .expect(200);
  await api.http().post(`/evaluations/${evaluationId}/submissions`).set('authorization', focalBearer).expect(201);
}

/**
 * A submitted evaluation through to its published country report: the rapporteur is assigned,
 * drafts the analysis and `recommendations`, completes the review; the secretariat sends the
 * preliminary report, enters the state's observations (by note), adopts and publishes.
 */
export async function publishCountryReport(
  api: TestApi,
  input: {
    adminBearer: string;
    rapporteur: { id: string; bearer: string };
    evaluationId: string;
    recommendations: DraftRecommendation[];
    adoptedOn: string;
    sections?: Record<string, string>;
  },
): Promise<{ reportId: string; symbol: string }> {
  const http = () => api.http();
  const { adminBearer: admin, rapporteur, evaluationId } = input;
  await http()
    .post(`/evaluations/${evaluationId}/rapporteurs`)
    .set('authorization', admin)
    .send({ expertUserIds: [rapporteur.id] })
    .expect(200);
  const created = await http()
    .post(`/evaluations/${evaluationId}/report`)
    .set('authorization', rapporteur.bearer)
    .expect(201);
  const id = created.body.id as string;
  const saved = await http()
    .put(`/reports/${id}`)
    .set('authorization', rapporteur.bearer)
    .set('if-match', created.headers.etag)
    .send({
      sections: input.sections ?? { legislation: 'Analysis of the answers.' },
      recommendations: input.recommendations,
    })
    .expect(200);
  await http()
    .post(`/evaluations/${evaluationId}/review/completion`)
    .set('authorization', rapporteur.bearer)
    .expect(200);
  await http()
    .post(`/reports/${id}/preliminary`)
    .set('authorization', admin)
    .set('if-match', saved.headers.etag)
    .expect(200);
  const observed = await http()
    .post(`/reports/${id}/observations`)
    .set('authorization', admin)
    .send({ general: 'Received.', onBehalf: { channel: 'diplomatic_note', reference: 'Note' } })
    .expect(200);
  const adopted = await http()
    .post(`/reports/${id}/adoption`)
    .set('authorization', admin)
    .set('if-match', observed.headers.etag)
    .send({ method: 'consensus', meeting: 'CEVI meeting', adoptedOn: input.adoptedOn })
    .expect(200);
  await http().post(`/reports/${id}/publication`).set('authorization', admin).expect(200);
  return { reportId: id, symbol: adopted.body.symbol as string };
}

/**
 * A follow-up round of `evaluationRoundId`, through the API: created, response due date set, moved to
 * open_for_responses (a follow-up round has no common questionnaire to attach). Its questionnaires
 * are generated separately (`POST /rounds/{id}/follow-up-questionnaires`).
 */
export async function openFollowUpRound(
  api: TestApi,
  adminBearer: string,
  input: { evaluationRoundId: string; number: number; name?: string; responseDueDate: string },
): Promise<string> {
  const http = () => api.http();
  const round = await http()
    .post('/rounds')
    .set('authorization', adminBearer)
    .send({
      kind: 'follow_up',
      name: input.name ?? `Follow-up round ${input.number}`,
      number: input.number,
      evaluationRoundId: input.evaluationRoundId,
    })
    .expect(201);
  await http()
    .patch(`/rounds/${round.body.id}`)
    .set('authorization', adminBearer)
    .send({ responseDueDate: input.responseDueDate })
    .expect(200);
  for (const to of ['questionnaire_adopted', 'open_for_responses'])
    await http().post(`/rounds/${round.body.id}/phase`).set('authorization', adminBearer).send({ to }).expect(200);
  return round.body.id as string;
}

/** A complete answer to every item of a generated follow-up questionnaire (items REC-01…). */
export function followUpAnswers(itemIds: string[], attachmentId: string): Record<string, unknown> {
  return Object.fromEntries(
    itemIds.map((id) => [
      id,
      {
        measures: 'A decree was adopted in 2026.',
        selfAssessment: 'partially_complied',
        indicators: [{ indicator: 'Cases recorded', rows: [{ year: 2026, value: 120 }] }],
        evidence: [attachmentId],
      },
    ]),
  );
}

/** The focal point reads its follow-up questionnaire, answers every item (one evidence file) and submits. */
export async function submitFollowUpAnswers(
  api: TestApi,
  ds: DataSource,
  focalBearer: string,
  evaluationId: string,
): Promise<void> {
  const http = () => api.http();
  const questionnaire = await http()
    .get(`/evaluations/${evaluationId}/questionnaire`)
    .set('authorization', focalBearer)
    .expect(200);
  const [attachment] = await uploadEvidence(api, focalBearer, evaluationId, 1);
  const [{ version }]: Array<{ version: number }> = await ds.query(
    'SELECT version FROM answer_draft WHERE evaluation_id = $1',
    [evaluationId],
  );
  const itemIds = (questionnaire.body.items as Array<{ id: string }>).map((i) => i.id);
  await http()
    .put(`/evaluations/${evaluationId}/draft`)
    .set('authorization', focalBearer)
    .set('if-match', `"${version}"`)
    .send(followUpAnswers(itemIds, attachment))
    .expect(200);
  await http().post(`/evaluations/${evaluationId}/submissions`).set('authorization', focalBearer).expect(201);
}

/**
 * Brazil's evaluation in a new evaluation round, answered and submitted by `focalBearer`, and an
 * appointed expert of each of `expertStates` (Haiti's reads French, Mexico's and Argentina's
 * Spanish: their states' working languages).
 */
export async function brazilSubmittedWithExperts(
  api: TestApi,
  ds: DataSource,
  who: { secretariatId: string; adminBearer: string; focalBearer: string },
  roundNumber: number,
  expertStates: string[],
): Promise<{ evaluationId: string; experts: Record<string, TestAccount & Session> }> {
  const experts: Record<string, TestAccount & Session> = {};
  for (const state of expertStates) experts[state] = await appointedExpert(api, ds, who.secretariatId, state);
  const round = await openRoundFor(api, who.adminBearer, {
    number: roundNumber,
    questionnaireVersionId: (await api.app.get(QuestionnaireRegistry).current('evaluation-round')).id,
    responseDueDate: '2099-01-31',
    stateCodes: ['BRA'],
  });
  await submitExampleAnswers(api, ds, who.focalBearer, round.evaluations.BRA);
  return { evaluationId: round.evaluations.BRA, experts };
}

/**
 * Brazil's evaluation submitted (as above) with Haiti's appointed expert assigned as its
 * rapporteur by the secretariat: the rapporteur's mail is on its way.
 */
export async function brazilWithHaitiRapporteur(
  api: TestApi,
  ds: DataSource,
  who: { secretariatId: string; adminBearer: string; focalBearer: string },
  roundNumber: number,
): Promise<{ evaluationId: string; rapporteur: TestAccount & Session }> {
  const { evaluationId, experts } = await brazilSubmittedWithExperts(api, ds, who, roundNumber, ['HTI']);
  await api
    .http()
    .post(`/evaluations/${evaluationId}/rapporteurs`)
    .set('authorization', who.adminBearer)
    .send({ expertUserIds: [experts.HTI.id] })
    .expect(200);
  return { evaluationId, rapporteur: experts.HTI };
}

/** The secretariat withdraws an expert's assignment on an evaluation, found through the API. */
export async function withdrawRapporteur(
  api: TestApi,
  adminBearer: string,
  evaluationId: string,
  expertUserId: string,
): Promise<void> {
  const assigned = await api
    .http()
    .get(`/evaluations/${evaluationId}/rapporteurs`)
    .set('authorization', adminBearer)
    .expect(200);
  const found = (assigned.body as Array<{ id: string; expertUserId: string }>).find(
    (a) => a.expertUserId === expertUserId,
  );
  if (!found) throw new Error(`expert ${expertUserId} is no rapporteur of ${evaluationId}`);
  await api.http().post(`/rapporteur-assignments/${found.id}/withdrawal`).set('authorization', adminBearer).expect(200);
}
