import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CommitteeStandingService } from '@mesecvi/appointments';
import { APP_CONFIG, type AppConfig } from '@mesecvi/config';
import type { Language } from '@mesecvi/http';
import { Outbox, type RapporteurNoticeProps } from '@mesecvi/mail';
import { StateParty, stateName } from '@mesecvi/states';

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

interface RapporteurRow {
  id: string;
  email: string;
  name: string;
  language: Language;
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
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async stage(manager: EntityManager, input: RapporteurNoticeInput, now: Date): Promise<string[]> {
    const [evaluation]: Array<{ state_code: string; round_name: string }> = await manager.query(
      `SELECT e.state_code, r.name AS round_name FROM state_evaluation e JOIN round r ON r.id = e.round_id WHERE e.id = $1`,
      [input.evaluationId],
    );
    if (!evaluation) return [];
    const experts: RapporteurRow[] = await manager.query(
      `SELECT u.id, u.email, u.name, COALESCE(u.preferred_language, s.working_language, 'en') AS language
         FROM rapporteur_assignment a
         JOIN user_account u ON u.id = a.expert_user_id
         LEFT JOIN state_party s ON s.code = u.state_code
        WHERE a.evaluation_id = $1 AND a.status <> 'withdrawn' AND u.status = 'active'
          AND ($2::uuid[] IS NULL OR a.expert_user_id = ANY($2::uuid[]))
        ORDER BY u.email`,
      [input.evaluationId, input.expertUserIds ?? null],
    );
    const state = (await manager.getRepository(StateParty).findOneBy({ code: evaluation.state_code })) as StateParty;
    const base = `${this.config.http.publicBaseUrl}/evaluations/${input.evaluationId}`;
    // A new version leads to what changed; anything else to the review.
    const link =
      input.event === 'clarification_answered' && input.versionNumber && input.versionNumber > 1
        ? `${base}/submission-diff?from=${input.versionNumber - 1}&to=${input.versionNumber}`
        : `${base}/review`;
    const ids: string[] = [];
    for (const expert of experts) {
      if ((await this.standing.excludedStates(expert.id, manager)).includes(evaluation.state_code)) continue;
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
          },
        },
        `rapporteur:${input.event}:${input.related.id}${input.occurrence ? `@${input.occurrence}` : ''}:${expert.id}`,
        now,
      );
      if (id) ids.push(id);
    }
    return ids;
  }
}
