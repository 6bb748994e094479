import fs from 'node:fs';
import path from 'node:path';
import type { TestApi } from './test-api';

const EXAMPLES = path.join(__dirname, '..', '..', 'schemas', 'examples', 'evaluation-round');
/** The placeholder attachment ids the example answers cite (…000000000001 to …07). */
const PLACEHOLDER = /7b0c1d2e-3f40-4a5b-8c6d-00000000000(\d)/g;

/** An example answers document of schemas/examples, with its evidence ids replaced by real uploads (in order). */
export function exampleAnswers(name: string, attachmentIds: string[] = []): Record<string, unknown> {
  const text = fs.readFileSync(path.join(EXAMPLES, `${name}.json`), 'utf8');
  return JSON.parse(
    attachmentIds.length === 0 ? text : text.replace(PLACEHOLDER, (_, n: string) => attachmentIds[Number(n) - 1]),
  ) as Record<string, unknown>;
}

/** A small PDF-looking file, distinct per `n` (only the magic bytes matter to the type check). */
export const pdfBytes = (n: number | string): Buffer =>
  Buffer.from(`%PDF-1.7\n% evidence ${n}\n1 0 obj << >> endobj\n%%EOF\n`);

/** Uploads `count` evidence PDFs for an evaluation and returns their ids. */
export async function uploadEvidence(api: TestApi, bearer: string, evaluationId: string, count = 7): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 1; i <= count; i++) {
    const res = await api
      .http()
      .post(`/evaluations/${evaluationId}/attachments`)
      .set('authorization', bearer)
      .set('content-type', 'application/octet-stream')
      .set('x-filename', `evidencia-${i}.pdf`)
      .send(pdfBytes(`${evaluationId}-${i}`));
    if (res.status !== 201) throw new Error(`upload failed: ${res.status} ${JSON.stringify(res.body)}`);
    ids.push(res.body.id as string);
  }
  return ids;
}

/**
 * Creates an evaluation round open for responses with the current questionnaire, distributes it
 * to `stateCodes` and returns the round id and each state's evaluation id.
 */
export async function openRoundFor(
  api: TestApi,
  adminBearer: string,
  input: { number: number; questionnaireVersionId: string; responseDueDate: string; stateCodes: string[] },
): Promise<{ roundId: string; evaluations: Record<string, string> }> {
  const round = await api
    .http()
    .post('/rounds')
    .set('authorization', adminBearer)
    .send({ kind: 'evaluation', name: `Evaluation round ${input.number}`, number: input.number })
    .expect(201);
  const roundId = round.body.id as string;
  await api
    .http()
    .patch(`/rounds/${roundId}`)
    .set('authorization', adminBearer)
    .send({ questionnaireVersionId: input.questionnaireVersionId, responseDueDate: input.responseDueDate })
    .expect(200);
  for (const to of ['questionnaire_adopted', 'open_for_responses'])
    await api.http().post(`/rounds/${roundId}/phase`).set('authorization', adminBearer).send({ to }).expect(200);
  await api
    .http()
    .post(`/rounds/${roundId}/distribution`)
    .set('authorization', adminBearer)
    .send({ stateCodes: input.stateCodes })
    .expect(200);
  const list = await api.http().get(`/rounds/${roundId}/evaluations`).set('authorization', adminBearer).expect(200);
  const evaluations: Record<string, string> = {};
  for (const e of list.body as Array<{ id: string; stateCode: string }>) evaluations[e.stateCode] = e.id;
  return { roundId, evaluations };
}
