// Step `submit-arg`: Argentina's focal point uploads the evidence, saves the complete example
// answers and submits — docs/api/submissions.md, "Walk-through: a focal point fills and submits the questionnaire".
import fs from 'node:fs';
import path from 'node:path';
import type { Distributed } from './distribute';
import type { EvaluationView, StoryContext } from './story-context';

const EXAMPLE = path.join(
  __dirname,
  '..',
  '..',
  'schemas',
  'examples',
  'evaluation-round',
  'valid-argentina-complete.json',
);
/** The placeholder attachment ids the example answers cite (…000000000001 to …07). */
const PLACEHOLDER = /7b0c1d2e-3f40-4a5b-8c6d-00000000000(\d)/g;
const EVIDENCE_FILES = 7;

export interface Submitted {
  evaluationId: string;
  versionNumber: number;
  sha256: string;
}

interface SubmissionView {
  versionNumber: number;
  sha256: string;
  onTime?: boolean;
  evaluationStatus?: string;
}

export async function submitArg(ctx: StoryContext, distributed: Distributed): Promise<Submitted> {
  const { api, log } = ctx;
  const fp = await ctx.as('focalArg');
  const evaluationId = distributed.evaluations.ARG;
  const base = `/evaluations/${evaluationId}`;
  const submissions = (await api.get<SubmissionView[]>(`${base}/submissions`, fp)).body;
  if (submissions.length > 0) {
    const last = submissions[submissions.length - 1];
    const { status } = (await api.get<EvaluationView>(base, fp)).body;
    log(
      `Argentina's answers already submitted (version ${last.versionNumber}, sha256 ${last.sha256.slice(0, 12)}…; evaluation ${status})`,
    );
    return { evaluationId, versionNumber: last.versionNumber, sha256: last.sha256 };
  }

  // Evidence first: the answers cite attachment ids. Files already uploaded by an earlier,
  // interrupted run are reused by name, so a second run uploads nothing twice.
  const uploaded = (await api.get<Array<{ id: string; filename: string }>>(`${base}/attachments`, fp)).body;
  const ids: string[] = [];
  let added = 0;
  for (let i = 1; i <= EVIDENCE_FILES; i++) {
    const filename = `evidencia-${i}.pdf`;
    const known = uploaded.find((a) => a.filename === filename);
    if (known) {
      ids.push(known.id);
      continue;
    }
    const file = await api.call<{ id: string }>('POST', `${base}/attachments`, {
      session: fp,
      bytes: Buffer.from(`%PDF-1.7\n% evidencia ${i}\n1 0 obj << >> endobj\n%%EOF\n`),
      headers: { 'x-filename': filename },
    });
    ids.push(file.body.id);
    added++;
  }
  log(
    added === EVIDENCE_FILES
      ? `uploaded ${EVIDENCE_FILES} evidence files for Argentina (evidencia-1.pdf … evidencia-${EVIDENCE_FILES}.pdf)`
      : `uploaded ${added} evidence file(s) for Argentina; ${EVIDENCE_FILES - added} were already there`,
  );

  const answers: unknown = JSON.parse(
    fs.readFileSync(EXAMPLE, 'utf8').replace(PLACEHOLDER, (_, n: string) => ids[Number(n) - 1]),
  );
  const draft = await api.get<unknown>(`${base}/draft`, fp);
  const saved = await api.call<{ version: number; remainingProblems: unknown[] }>('PUT', `${base}/draft`, {
    session: fp,
    json: answers,
    headers: { 'if-match': draft.etag ?? '"0"' },
  });
  log(
    `saved Argentina's complete answers (draft version ${saved.body.version}, ${saved.body.remainingProblems.length} problem(s) left)`,
  );

  // The key makes a retry after a lost answer return the same submission instead of a second one.
  const submitted = await api.call<SubmissionView>('POST', `${base}/submissions`, {
    session: fp,
    json: {},
    headers: { 'idempotency-key': 'demo-story-arg-round-4-v1' },
  });
  const s = submitted.body;
  log(
    `submitted Argentina's answers: version ${s.versionNumber}, sha256 ${s.sha256.slice(0, 12)}…, ${s.onTime ? 'on time' : 'late'}; evaluation ${s.evaluationStatus ?? 'submitted'}`,
  );
  return { evaluationId, versionNumber: s.versionNumber, sha256: s.sha256 };
}
