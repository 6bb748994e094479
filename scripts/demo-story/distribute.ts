// Step `distribute`: round 4 created, its questionnaire attached and frozen, open for responses,
// distributed to ARG, BRA and HTI — as docs/api/questionnaires-and-rounds.md does by hand.
import { DEMO_STATES, ROUND, type EvaluationView, type RoundView, type StoryContext } from './story-context';

export interface Distributed {
  round: RoundView;
  /** Evaluation id per state code. */
  evaluations: Record<string, string>;
}

/** The phases before distribution, in order (the round moves one step at a time). */
const OPENING = ['planning', 'questionnaire_adopted', 'open_for_responses'];

export async function distribute(ctx: StoryContext): Promise<Distributed> {
  const { api, log } = ctx;
  const admin = await ctx.as('secretariat');
  let round = (await api.get<RoundView[]>('/rounds', admin)).body.find(
    (r) => r.kind === ROUND.kind && r.number === ROUND.number,
  );
  if (round) {
    log(`round ${ROUND.number} "${round.name}" already exists (phase ${round.phase})`);
  } else {
    round = (
      await api.call<RoundView>('POST', '/rounds', {
        session: admin,
        json: { kind: ROUND.kind, name: ROUND.name, number: ROUND.number },
      })
    ).body;
    log(`created round ${ROUND.number} "${round.name}"`);
  }

  if (round.phase === 'planning' && !round.questionnaireVersionId) {
    const questionnaire = (
      await api.get<{ id: string; version: number }>('/questionnaires/evaluation-round/versions/1', admin)
    ).body;
    // No response due date: opening the round takes today (the platform's clock) + its response period.
    round = (
      await api.call<RoundView>('PATCH', `/rounds/${round.id}`, {
        session: admin,
        json: { questionnaireVersionId: questionnaire.id },
      })
    ).body;
    log(`attached questionnaire evaluation-round version 1 to round ${ROUND.number}`);
  }
  for (const to of OPENING.slice(1)) {
    const at = OPENING.indexOf(round.phase);
    if (at < 0 || at >= OPENING.indexOf(to)) continue;
    round = (await api.call<RoundView>('POST', `/rounds/${round.id}/phase`, { session: admin, json: { to } })).body;
    log(
      to === 'questionnaire_adopted'
        ? `adopted the questionnaire of round ${ROUND.number} (its version is frozen)`
        : `opened round ${ROUND.number} for responses, due ${round.calendar.responseDueDate ?? '(no date)'}`,
    );
  }

  const listed = async () => (await api.get<EvaluationView[]>(`/rounds/${round.id}/evaluations`, admin)).body;
  const before = await listed();
  const missing = DEMO_STATES.filter((s) => !before.some((e) => e.stateCode === s));
  if (missing.length === 0) {
    log(`round ${ROUND.number} already distributed to ${DEMO_STATES.join(', ')}`);
  } else {
    const result = (
      await api.call<{ distributed: string[] }>('POST', `/rounds/${round.id}/distribution`, {
        session: admin,
        json: { stateCodes: missing },
      })
    ).body;
    log(
      `distributed round ${ROUND.number} to ${result.distributed.join(', ')} (a mail to each focal point and contributor)`,
    );
  }
  const after = await listed();
  const others = after.filter((e) => !(DEMO_STATES as readonly string[]).includes(e.stateCode));
  if (others.length > 0)
    log(`note: round ${ROUND.number} was also distributed to ${others.length} other state(s) before this story`);
  const evaluations: Record<string, string> = {};
  for (const e of after) evaluations[e.stateCode] = e.id;
  return { round, evaluations };
}
