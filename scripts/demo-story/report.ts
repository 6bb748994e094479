// Step `report`: the reviews completed, Argentina's country report drafted, sent as preliminary,
// answered with observations, adopted and published — docs/api/review-and-reports.md,
// "Walk-through: from Argentina's submission to its published report", steps 4 to 8, with the same bodies.
import type { Session } from './demo-api';
import type { Distributed } from './distribute';
import type { Assignment } from './review';
import type { AccountName, EvaluationView, StoryContext } from './story-context';

export interface CountryReport {
  id: string;
  status: 'draft' | 'preliminary' | 'adopted' | 'published';
  version: number;
  sections: Record<string, string>;
  recommendations: Array<{ id: string }>;
  observations: unknown[];
  symbol: string | null;
}

const DRAFT = {
  sections: { legislation: 'Law 26.485 is comprehensive.', budget: 'No specific budget line.' },
  recommendations: [{ theme: 'budget', articles: ['8.a'], text: 'Allocate a budget line to the national plan.' }],
};
const ADOPTION = {
  method: 'vote',
  votesFor: 20,
  votesAgainst: 2,
  abstentions: 1,
  meeting: 'Twenty-second Meeting of the CEVI',
  adoptedOn: '2027-11-20',
};
const EXPERTS: AccountName[] = ['expertBra', 'expertHti'];

export async function report(ctx: StoryContext, distributed: Distributed): Promise<CountryReport> {
  const { api, log } = ctx;
  const admin = await ctx.as('secretariat');
  const evaluationId = distributed.evaluations.ARG;
  const evaluation = async () => (await api.get<EvaluationView>(`/evaluations/${evaluationId}`, admin)).body.status;

  // The demo experts who are Argentina's rapporteurs, each as they would sign in themselves.
  const rapporteurs: Array<{ session: Session; assignment: Assignment }> = [];
  for (const name of EXPERTS) {
    const session = await ctx.as(name);
    const own = (
      await api.get<Assignment[]>(`/rounds/${distributed.round.id}/rapporteur-assignments`, session)
    ).body.find((a) => a.evaluationId === evaluationId && a.status !== 'withdrawn');
    if (own) rapporteurs.push({ session, assignment: own });
  }

  if ((await evaluation()) === 'under_review') {
    for (const { session, assignment } of rapporteurs) {
      if (assignment.status !== 'open') continue;
      const done = await api.call<{ evaluationStatus: string }>(
        'POST',
        `/evaluations/${evaluationId}/review/completion`,
        {
          session,
        },
      );
      log(
        `${assignment.expertName} marked the review of Argentina complete (evaluation ${done.body.evaluationStatus})`,
      );
    }
    // Rapporteurs assigned by hand outside the demo's experts: the secretariat closes the review for all.
    if ((await evaluation()) === 'under_review') {
      await api.call('POST', `/evaluations/${evaluationId}/review/completion`, { session: admin });
      log(`the secretariat marked the remaining reviews of Argentina complete`);
    }
  } else {
    log(`the review of Argentina is already complete (evaluation ${await evaluation()})`);
  }

  const writer = rapporteurs[0]?.session ?? admin;
  const existing = await api.get<CountryReport>(`/evaluations/${evaluationId}/report`, admin, [404]);
  let current: CountryReport;
  if (existing.status === 404) {
    current = (await api.call<CountryReport>('POST', `/evaluations/${evaluationId}/report`, { session: writer })).body;
    log(`started Argentina's country report (as ${writer.email})`);
  } else {
    current = existing.body;
    log(`Argentina's country report already exists (${current.status}${current.symbol ? `, ${current.symbol}` : ''})`);
  }
  const ifMatch = () => ({ 'if-match': `"${current.version}"` });

  if (
    current.status === 'draft' &&
    (Object.keys(current.sections).length === 0 || current.recommendations.length === 0)
  ) {
    current = (
      await api.call<CountryReport>('PUT', `/reports/${current.id}`, {
        session: writer,
        json: DRAFT,
        headers: ifMatch(),
      })
    ).body;
    log(
      `drafted the report: sections ${Object.keys(current.sections).join(', ')}; recommendation ${current.recommendations.map((r) => r.id).join(', ')}`,
    );
  }
  if (current.status === 'draft') {
    current = (
      await api.call<CountryReport>('POST', `/reports/${current.id}/preliminary`, {
        session: admin,
        headers: ifMatch(),
      })
    ).body;
    log(
      `sent the preliminary report to Argentina (a Spanish mail to focal.arg; observations due in ${distributed.round.calendar.observationsDays} days)`,
    );
  }
  if (
    current.status === 'preliminary' &&
    current.observations.length === 0 &&
    (await evaluation()) === 'preliminary_report_sent'
  ) {
    const fp = await ctx.as('focalArg');
    current = (
      await api.call<CountryReport>('POST', `/reports/${current.id}/observations`, {
        session: fp,
        json: {
          general: 'Argentina thanks the Committee.',
          perRecommendation: [
            { recommendationId: current.recommendations[0].id, text: 'Included in the 2027 budget.' },
          ],
        },
      })
    ).body;
    log(`Argentina's focal point sent observations (${current.observations.length} entries)`);
  }
  if (current.status === 'preliminary') {
    current = (
      await api.call<CountryReport>('POST', `/reports/${current.id}/adoption`, {
        session: admin,
        json: ADOPTION,
        headers: ifMatch(),
      })
    ).body;
    log(`recorded the committee's adoption on ${ADOPTION.adoptedOn}: ${current.symbol ?? '(no symbol)'}`);
  }
  if (current.status === 'adopted') {
    current = (await api.call<CountryReport>('POST', `/reports/${current.id}/publication`, { session: admin })).body;
    log(`published Argentina's country report ${current.symbol ?? ''}`.trimEnd());
  } else if (existing.status !== 404 && existing.body.status === 'published') {
    log(`Argentina's country report is already published`);
  }
  return current;
}
