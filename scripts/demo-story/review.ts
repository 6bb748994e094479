// Step `review`: the secretariat asks for a rapporteur proposal and accepts Argentina's part —
// docs/api/review-and-reports.md, "Walk-through: from Argentina's submission to its published report", step 1.
import type { Distributed } from './distribute';
import type { EvaluationView, StoryContext } from './story-context';

export interface Assignment {
  id: string;
  evaluationId: string;
  expertUserId: string;
  expertName: string;
  status: 'open' | 'completed' | 'withdrawn';
}

interface Proposal {
  assignments: Array<{ evaluationId: string; stateCode: string; expertUserIds: string[] }>;
  shortfalls?: unknown;
}

/** Argentina's rapporteurs that still count (open or done; a withdrawn one does not). */
export async function argentinaRapporteurs(ctx: StoryContext, distributed: Distributed): Promise<Assignment[]> {
  const admin = await ctx.as('secretariat');
  const all = (await ctx.api.get<Assignment[]>(`/rounds/${distributed.round.id}/rapporteur-assignments`, admin)).body;
  return all.filter((a) => a.evaluationId === distributed.evaluations.ARG && a.status !== 'withdrawn');
}

export async function review(ctx: StoryContext, distributed: Distributed): Promise<Assignment[]> {
  const { api, log } = ctx;
  const admin = await ctx.as('secretariat');
  const evaluationId = distributed.evaluations.ARG;
  const current = await argentinaRapporteurs(ctx, distributed);
  if (current.length > 0) {
    const { status } = (await api.get<EvaluationView>(`/evaluations/${evaluationId}`, admin)).body;
    log(
      `Argentina's evaluation already has rapporteurs: ${current.map((a) => a.expertName).join(', ')} (evaluation ${status})`,
    );
    return current;
  }
  // A seeded proposal, so the same demo data always gives the same experts. The proposal covers
  // every submitted evaluation of the round; only Argentina's part is accepted here.
  const proposal = (
    await api.call<Proposal>('POST', `/rounds/${distributed.round.id}/rapporteur-proposal`, {
      session: admin,
      json: { seed: 'demo' },
    })
  ).body;
  const argentina = proposal.assignments.find((a) => a.evaluationId === evaluationId);
  if (!argentina || argentina.expertUserIds.length === 0)
    throw new Error(
      `the rapporteur proposal has no expert for Argentina (shortfalls: ${JSON.stringify(proposal.shortfalls)})`,
    );
  // The review's due date first, so the assignment mails state it (and each rapporteur is reminded 7 days before).
  const evaluation = (await api.get<EvaluationView>(`/evaluations/${evaluationId}`, admin)).body;
  const responseDue = evaluation.responseDeadline?.dueDate ?? distributed.round.calendar.responseDueDate;
  if (responseDue) {
    const reviewDue = laterDate(responseDue, 60);
    await api.call('PUT', `/evaluations/${evaluationId}/review-due-date`, {
      session: admin,
      json: { dueDate: reviewDue },
    });
    log(`set Argentina's review due on ${reviewDue} (each rapporteur is reminded 7 days before)`);
  }
  await api.call('POST', `/rounds/${distributed.round.id}/rapporteur-assignments`, {
    session: admin,
    json: { assignments: [argentina] },
  });
  const assigned = await argentinaRapporteurs(ctx, distributed);
  const { status } = (await api.get<EvaluationView>(`/evaluations/${evaluationId}`, admin)).body;
  log(`assigned rapporteurs to Argentina: ${assigned.map((a) => a.expertName).join(', ')}; evaluation ${status}`);
  return assigned;
}

/** YYYY-MM-DD plus some days (calendar arithmetic, no time zone involved). */
function laterDate(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
