// The demo stories: each step brings the running demo to a starting point, through the steps
// before it, and may be run again (it reads what is there and does only what is missing).
import { DemoApi } from './demo-api';
import { distribute, type Distributed } from './distribute';
import { report, type CountryReport } from './report';
import { review, type Assignment } from './review';
import { StoryContext } from './story-context';
import { submitArg, type Submitted } from './submit-arg';

export { DemoApi, DemoNotRunning, HttpFailure } from './demo-api';

export const STEPS = ['distribute', 'submit-arg', 'review', 'report'] as const;
export type Step = (typeof STEPS)[number];
export const isStep = (s: string): s is Step => (STEPS as readonly string[]).includes(s);

export interface StoryResult {
  distributed: Distributed;
  submitted?: Submitted;
  rapporteurs?: Assignment[];
  report?: CountryReport;
  /** What the person can do next, one line each. */
  next: string[];
}

export async function runStory(
  step: Step,
  options: { baseUrl: string; mailInboxUrl?: string; log: (line: string) => void },
): Promise<StoryResult> {
  const { baseUrl } = options;
  const ctx = new StoryContext(new DemoApi(baseUrl), options.log);
  const upTo = STEPS.indexOf(step);
  const inbox = options.mailInboxUrl ? ` (mails: ${options.mailInboxUrl})` : '';

  const distributed = await distribute(ctx);
  const evaluation = distributed.evaluations.ARG;
  if (upTo === 0)
    return {
      distributed,
      next: [
        `sign in as focal.arg@mesecvi.demo / demo-argentina-2026 (POST ${baseUrl}/auth/login) and fill the draft: GET ${baseUrl}/evaluations/${evaluation}/draft${inbox}`,
        `or, as Haiti's focal point: open "Ouvrir le questionnaire" in the mail to focal.hti@mesecvi.demo${inbox} and sign in with demo-haiti-2026`,
        `or go on with: npm run demo:story -- submit-arg`,
      ],
    };

  const submitted = await submitArg(ctx, distributed);
  if (upTo === 1)
    return {
      distributed,
      submitted,
      next: [
        `sign in as secretariat@mesecvi.demo / demo-secretariat-2026 and see the submission: GET ${baseUrl}/evaluations/${evaluation}/submissions${inbox}`,
        `assign rapporteurs: POST ${baseUrl}/rounds/${distributed.round.id}/rapporteur-proposal, or go on with: npm run demo:story -- review`,
      ],
    };

  const rapporteurs = await review(ctx, distributed);
  if (upTo === 2)
    return {
      distributed,
      submitted,
      rapporteurs,
      next: [
        `sign in as expert.bra@mesecvi.demo / demo-expert-2026 (or expert.hti@…) and read the answers: GET ${baseUrl}/evaluations/${evaluation}/review`,
        `comment, ask for clarification or complete the review (docs/api/review-and-reports.md), or go on with: npm run demo:story -- report`,
      ],
    };

  const published = await report(ctx, distributed);
  return {
    distributed,
    submitted,
    rapporteurs,
    report: published,
    next: [
      `anyone, without signing in: ${baseUrl}/public/reports/${published.id}?format=html&lang=es`,
      `sign in as secretariat@mesecvi.demo / demo-secretariat-2026 and read the register: GET ${baseUrl}/recommendations?state=ARG${inbox}`,
      `then a follow-up round on round 4: docs/api/recommendations-and-follow-up.md`,
    ],
  };
}
