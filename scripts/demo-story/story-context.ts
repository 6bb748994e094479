// What every story step shares: the API, the demo accounts it signs in with, and the printed log.
import { DemoApi, type Session } from './demo-api';

/** The demo accounts of scripts/seed-demo.ts that the stories act as (README, "Demo accounts"). */
export const ACCOUNTS = {
  secretariat: { email: 'secretariat@mesecvi.demo', password: 'demo-secretariat-2026' },
  focalArg: { email: 'focal.arg@mesecvi.demo', password: 'demo-argentina-2026' },
  expertBra: { email: 'expert.bra@mesecvi.demo', password: 'demo-expert-2026' },
  expertHti: { email: 'expert.hti@mesecvi.demo', password: 'demo-expert-2026' },
} as const;
export type AccountName = keyof typeof ACCOUNTS;

/** The round the stories build: the Fourth Multilateral Evaluation Round, for the demo's three states. */
export const ROUND = { kind: 'evaluation', number: 4, name: 'Fourth Multilateral Evaluation Round' } as const;
export const DEMO_STATES = ['ARG', 'BRA', 'HTI'] as const;

/** The fields of the API's answers the stories read (the full shapes are in the OpenAPI document). */
export interface RoundView {
  id: string;
  kind: string;
  name: string;
  number: number;
  phase: string;
  questionnaireVersionId: string | null;
  calendar: { responseDueDate: string | null; observationsDays: number };
}
export interface EvaluationView {
  id: string;
  stateCode: string;
  status: string;
  responseDeadline: { dueDate: string } | null;
}

export class StoryContext {
  private readonly sessions = new Map<AccountName, Session>();

  constructor(
    readonly api: DemoApi,
    readonly log: (line: string) => void,
  ) {}

  /** Signs in once per account and run (a token lasts longer than any story). */
  async as(account: AccountName): Promise<Session> {
    const known = this.sessions.get(account);
    if (known) return known;
    const { email, password } = ACCOUNTS[account];
    const session = await this.api.login(email, password);
    this.sessions.set(account, session);
    return session;
  }
}
