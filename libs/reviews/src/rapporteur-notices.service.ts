import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CommitteeStandingService } from '@mesecvi/appointments';
import { APP_CONFIG, type AppConfig } from '@mesecvi/config';
import { appRoutes, webLink } from '@mesecvi/web-links';
import { DeadlinesService, type DeadlineView } from '@mesecvi/deadlines';
import { Outbox, type RapporteurNoticeProps } from '@mesecvi/mail';
import { StateParty, stateName } from '@mesecvi/states';
import { mailableRapporteurs, REVIEW_SUBJECT } from './rapporteur-recipients';

export type RapporteurEvent = RapporteurNoticeProps['event'];

export interface RapporteurNoticeInput {
  evaluationId: string;
  event: RapporteurEvent;
  /** What the mail is about, for the ledger and its once-only key (an assignment, a submission, a report). */
  related: { type: string; id: string };
  /** Only these experts (new assignments); else every open rapporteur of the evaluation. */
  expertUserIds?: string[];
  versionNumber?: number | null;
  /** Tells apart repeated events about one subject (observations sent twice on one report). */
  occurrence?: string;
}

/**
 * Mails to the rapporteurs of an evaluation (open or done with their review, not withdrawn), staged in the caller's transaction (the change that
 * caused them is audited there), each in the expert's language and at most once per event. An
 * expert the state is excluded for (her appointing state, a declared conflict) never gets one.
 */
@Injectable()
export class RapporteurNotices {
  constructor(
    private readonly outbox: Outbox,
    private readonly standing: CommitteeStandingService,
    private readonly deadlines: DeadlinesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async stage(manager: EntityManager, input: RapporteurNoticeInput, now: Date): Promise<string[]> {
    const [evaluation]: Array<{ state_code: string; round_name: string }> = await manager.query(
      `SELECT e.state_code, r.name AS round_name FROM state_evaluation e JOIN round r ON r.id = e.round_id WHERE e.id = $1`,
      [input.evaluationId],
    );
    if (!evaluation) return [];
    const experts = await mailableRapporteurs(
      manager,
      this.standing,
      { id: input.evaluationId, stateCode: evaluation.state_code },
      { openOnly: false, expertUserIds: input.expertUserIds },
    );
    const due =
      input.event === 'assigned' ? await this.reviewDue(manager, input.evaluationId, evaluation.state_code) : null;
    const state = (await manager.getRepository(StateParty).findOneBy({ code: evaluation.state_code })) as StateParty;
    // Every notice, a new version's included, leads to the evaluation's review page.
    const link = webLink(this.config.http.publicBaseUrl, appRoutes.evaluationReview.path(input.evaluationId));
    const ids: string[] = [];
    for (const expert of experts) {
      const id = await this.outbox.stageOnce(
        manager,
        {
          kind: 'review',
          template: 'rapporteur_notice',
          language: expert.language,
          to: { address: expert.email, name: expert.name, userId: expert.id, role: 'rapporteur' },
          stateCode: evaluation.state_code,
          related: input.related,
          payload: {
            recipientName: expert.name,
            event: input.event,
            roundName: evaluation.round_name,
            stateName: stateName(state, expert.language),
            versionNumber: input.versionNumber ?? null,
            link,
            ...(due ? { reviewDueDate: due.dueDate, timeZone: due.timeZone } : {}),
          },
        },
        `rapporteur:${input.event}:${input.related.id}${input.occurrence ? `@${input.occurrence}` : ''}:${expert.id}`,
        now,
      );
      if (id) ids.push(id);
    }
    return ids;
  }

  /** The review's live due date, if the secretariat set one (a completed review has none left). */
  private async reviewDue(
    manager: EntityManager,
    evaluationId: string,
    stateCode: string,
  ): Promise<DeadlineView | null> {
    const deadline = await this.deadlines.findForSubject(
      manager,
      'review',
      { type: REVIEW_SUBJECT, id: evaluationId },
      stateCode,
    );
    return deadline && (deadline.status === 'open' || deadline.status === 'passed') ? deadline : null;
  }
}
