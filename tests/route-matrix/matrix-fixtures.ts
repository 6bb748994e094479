import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { QuestionnaireRegistry } from '@mesecvi/questionnaires';
import { createAccount, type TestAccount, type TestApi } from '../harness';
import type { MatrixContext } from './route-matrix';

/**
 * The real objects the route matrix calls its routes on (an own and an other state's of each
 * kind), inserted directly. Shared by the route-matrix suite and the bad-input fuzz suite, which
 * derives its valid requests from the matrix.
 */
export async function createMatrixFixtures(
  api: TestApi,
  ds: DataSource,
  callers: Map<string, TestAccount>,
): Promise<MatrixContext> {
  const questionnaireId = (await api.app.get(QuestionnaireRegistry).current('evaluation-round')).id;
  const evaluationRound: Array<{ id: string }> = await ds.query(
    `INSERT INTO round (kind, name, number, phase, questionnaire_version_id, response_due_date, created_at, updated_at)
     VALUES ('evaluation', 'Matrix evaluation round', 2, 'open_for_responses', $1, '2099-01-31', now(), now()) RETURNING id`,
    [questionnaireId],
  );
  const evaluation = async (
    stateCode: string,
  ): Promise<{ evaluationId: string; extensionRequestId: string; attachmentId: string }> => {
    const rows: Array<{ id: string }> = await ds.query(
      `INSERT INTO state_evaluation (round_id, state_code, questionnaire_version_id, distributed_at, updated_at) VALUES ($1, $2, $3, now(), now()) RETURNING id`,
      [evaluationRound[0].id, stateCode, questionnaireId],
    );
    // A decided request: deciding it again is a 409 for the secretariat, past authorization.
    const requests: Array<{ id: string }> = await ds.query(
      `INSERT INTO extension_request (evaluation_id, requested_date, justification, requested_by, requested_at, status) VALUES ($1, '2099-06-30', 'x', $2, now(), 'refused') RETURNING id`,
      [rows[0].id, (callers.get('secretariat') as TestAccount).id],
    );
    // Its version-0 draft, one evidence file and one submitted version, for the submission routes.
    await ds.query(`INSERT INTO answer_draft (evaluation_id, updated_at) VALUES ($1, now())`, [rows[0].id]);
    const [attachment]: Array<{ id: string }> = await ds.query(
      `INSERT INTO evidence_attachment (evaluation_id, state_code, filename, media_type, size_bytes, sha256, uploaded_by, uploaded_at)
       VALUES ($1, $2, 'matrix.pdf', 'application/pdf', 9, encode(sha256('%PDF-1.7'::bytea), 'hex'), $3, now()) RETURNING id`,
      [rows[0].id, stateCode, (callers.get('secretariat') as TestAccount).id],
    );
    await ds.query(`INSERT INTO evidence_attachment_content (attachment_id, content) VALUES ($1, '%PDF-1.7'::bytea)`, [
      attachment.id,
    ]);
    await ds.query(
      `INSERT INTO submission (evaluation_id, version_number, event, questionnaire_version_id, validator_version, canonical_json, sha256, submitted_by, submitted_by_role, submitted_at, on_time, days_late)
       VALUES ($1, 1, 'submit', $2, 'matrix', '{}', encode(sha256('{}'::bytea), 'hex'), $3, 'secretariat', now(), true, 0)`,
      [rows[0].id, questionnaireId, (callers.get('secretariat') as TestAccount).id],
    );
    return { evaluationId: rows[0].id, extensionRequestId: requests[0].id, attachmentId: attachment.id };
  };
  const targets = async (stateCode: string): Promise<MatrixContext['targets']['own']> => {
    const contact = async (): Promise<string> =>
      (
        (await ds.query(
          `INSERT INTO state_contact (state_code, kind, name, email, created_at, updated_at) VALUES ($1, 'permanent_mission', 'Mission', 'm@example.test', now(), now()) RETURNING id`,
          [stateCode],
        )) as Array<{ id: string }>
      )[0].id;
    return {
      contributorId: (await createAccount(ds, { role: 'state_contributor', stateCode })).id,
      invitedId: (await createAccount(ds, { role: 'state_contributor', stateCode, status: 'invited' })).id,
      contactId: await contact(),
      disposableContactId: await contact(),
      ...(await evaluation(stateCode)),
    };
  };
  // Inserted directly (no reminders): the deadline routes only need an object of each state.
  const adHocDeadline = async (stateCode: string): Promise<string> =>
    (
      (await ds.query(
        `INSERT INTO deadline (kind, subject_type, subject_id, state_code, title, due_date, time_zone, due_at, created_at, updated_at)
       VALUES ('ad_hoc', 'ad_hoc_request', gen_random_uuid()::text, $1, 'Matrix deadline', '2031-01-31', 'America/New_York', '2031-02-01T05:00:00Z', now(), now()) RETURNING id`,
        [stateCode],
      )) as Array<{ id: string }>
    )[0].id;
  const round: Array<{ id: string }> = await ds.query(
    `INSERT INTO round (kind, name, number, created_at, updated_at) VALUES ('evaluation', 'Matrix round', 1, now(), now()) RETURNING id`,
  );
  const secretariatId = (callers.get('secretariat') as TestAccount).id;
  const appointmentFixtures = async (stateCode: string): Promise<MatrixContext['appointments']['own']> => {
    const [appointment]: Array<{ id: string }> = await ds.query(
      `INSERT INTO appointment (state_code, kind, person_name, person_email, note_reference, notified_on, term_start, status, recorded_by, recorded_at)
       VALUES ($1, 'alternate', 'Matrix Alternate', $2, 'Matrix note', '2026-01-01', '2026-01-01', 'active', $3, now()) RETURNING id`,
      [stateCode, `alternate.${stateCode.toLowerCase()}.${randomBytes(4).toString('hex')}@example.test`, secretariatId],
    );
    const [proposal]: Array<{ id: string }> = await ds.query(
      `INSERT INTO appointment_proposal (state_code, kind, person_name, person_email, note_reference, status, proposed_by, proposed_at)
       VALUES ($1, 'alternate', 'Matrix Nominee', 'nominee@example.test', 'Matrix note', 'proposed', $2, now()) RETURNING id`,
      [stateCode, secretariatId],
    );
    return { appointmentId: appointment.id, proposalId: proposal.id };
  };
  const [appointmentRequest]: Array<{ id: string }> = await ds.query(
    `INSERT INTO appointment_request (kinds, message, reply_date, opened_by, opened_at) VALUES ('{titular}', '', '2031-01-31', $1, now()) RETURNING id`,
    [secretariatId],
  );
  await ds.query(
    `INSERT INTO appointment_request_target (request_id, state_code, status, answered_kinds, sent_count, last_sent_at) SELECT $1, c, 'pending', '{}', 1, now() FROM unnest(ARRAY['ARG', 'BRA']) AS c`,
    [appointmentRequest.id],
  );
  const preliminaryReport = async (stateCode: string): Promise<string> => {
    const [row]: Array<{ id: string }> = await ds.query(
      `INSERT INTO country_report (evaluation_id, state_code, status, sections, created_at, updated_at)
       SELECT id, state_code, 'preliminary', '{}'::jsonb, now(), now() FROM state_evaluation WHERE state_code = $1 ORDER BY distributed_at LIMIT 1 RETURNING id`,
      [stateCode],
    );
    return row.id;
  };
  const adoptedRecommendation = async (stateCode: string): Promise<string> => {
    const [row]: Array<{ id: string }> = await ds.query(
      `INSERT INTO recommendation (id, evaluation_id, state_code, seq, theme, articles, text, status, created_at, updated_at)
       SELECT '2-' || state_code || '-1', id, state_code, 1, 'budget', '{8.a}', 'Matrix recommendation', 'adopted', now(), now() FROM state_evaluation WHERE state_code = $1 ORDER BY distributed_at LIMIT 1 RETURNING id`,
      [stateCode],
    );
    return row.id;
  };
  const rapporteurAssignment = async (): Promise<string> => {
    const evaluationId = (
      (await ds.query(
        `SELECT id FROM state_evaluation WHERE state_code = 'BRA' ORDER BY distributed_at LIMIT 1`,
      )) as Array<{ id: string }>
    )[0].id;
    const expert = await createAccount(ds, { role: 'committee_expert', stateCode: 'CHL' });
    const [row]: Array<{ id: string }> = await ds.query(
      `INSERT INTO rapporteur_assignment (evaluation_id, expert_user_id, assigned_by, assigned_at) VALUES ($1, $2, $3, now()) RETURNING id`,
      [evaluationId, expert.id, secretariatId],
    );
    return row.id;
  };
  // A follow-up round of the matrix evaluation round asking each state about its recommendation,
  // with the rapporteurs' proposal on it: committee-only material.
  const [followUpRound]: Array<{ id: string }> = await ds.query(
    `INSERT INTO round (kind, name, number, evaluation_round_id, phase, created_at, updated_at)
     VALUES ('follow_up', 'Matrix follow-up round', 3, $1, 'open_for_responses', now(), now()) RETURNING id`,
    [evaluationRound[0].id],
  );
  const followUp = async (stateCode: string): Promise<string> => {
    const [row]: Array<{ id: string }> = await ds.query(
      `INSERT INTO state_evaluation (round_id, state_code, questionnaire_version_id, distributed_at, updated_at)
       VALUES ($1, $2, $3, now() + interval '1 day', now()) RETURNING id`,
      [followUpRound.id, stateCode, questionnaireId],
    );
    const recommendationId = `2-${stateCode}-1`;
    await ds.query(`INSERT INTO follow_up_item (evaluation_id, item_id, recommendation_id) VALUES ($1, 'REC-01', $2)`, [
      row.id,
      recommendationId,
    ]);
    await ds.query(
      `INSERT INTO recommendation_rating (recommendation_id, follow_up_evaluation_id, proposed_value, proposed_justification, proposed_by, proposed_at)
       VALUES ($1, $2, 'partially_complied', 'Matrix proposal', $3, now())`,
      [recommendationId, row.id, secretariatId],
    );
    return row.id;
  };
  return {
    appointments: { own: await appointmentFixtures('ARG'), other: await appointmentFixtures('BRA') },
    appointmentRequestId: appointmentRequest.id,
    ownState: 'ARG',
    otherState: 'BRA',
    targets: { own: await targets('ARG'), other: await targets('BRA') },
    rapporteurAssignmentId: await rapporteurAssignment(),
    reports: { own: await preliminaryReport('ARG'), other: await preliminaryReport('BRA') },
    recommendations: { own: await adoptedRecommendation('ARG'), other: await adoptedRecommendation('BRA') },
    roundId: round[0].id,
    deadlines: { own: await adHocDeadline('ARG'), other: await adHocDeadline('BRA') },
    // After the recommendations they ask about.
    followUps: { own: await followUp('ARG'), other: await followUp('BRA') },
    unique: () => randomBytes(5).toString('hex'),
  };
}
