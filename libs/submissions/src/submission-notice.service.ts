import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@mesecvi/config';
import { RecipientDirectory } from '@mesecvi/deadlines';
import { Outbox } from '@mesecvi/mail';
import { StateParty, stateName } from '@mesecvi/states';
import type { SubmissionView } from './submission.view';
import { appRoutes, webLink } from '@mesecvi/web-links';

/** Stages the secretariat's "answers received" mail in the submission's transaction. */
@Injectable()
export class SubmissionNotice {
  constructor(
    private readonly recipients: RecipientDirectory,
    private readonly outbox: Outbox,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async stage(manager: EntityManager, stateCode: string, submission: SubmissionView, now: Date): Promise<string[]> {
    const [round]: Array<{ name: string }> = await manager.query(
      'SELECT r.name FROM round r JOIN state_evaluation e ON e.round_id = r.id WHERE e.id = $1',
      [submission.evaluationId],
    );
    const state = (await manager.getRepository(StateParty).findOneBy({ code: stateCode })) as StateParty;
    const people = await this.recipients.resolve(manager, 'secretariat', stateCode);
    return this.outbox.stageForEach(
      manager,
      people,
      {
        kind: 'submission',
        template: 'submission_received',
        stateCode,
        related: { type: 'submission', id: submission.id },
        dedupPrefix: `submission:${submission.id}`,
        nobody: { language: 'en', role: 'secretariat', reason: 'no active secretariat account' },
      },
      (person) => ({
        recipientName: person.name ?? 'Technical Secretariat',
        roundName: round.name,
        stateName: stateName(state, person.language),
        versionNumber: submission.versionNumber,
        submittedAt: submission.submittedAt,
        onTime: submission.onTime,
        daysLate: submission.daysLate,
        onBehalf: submission.onBehalf?.channel ?? null,
        sha256: submission.sha256,
        link: webLink(this.config.http.publicBaseUrl, appRoutes.evaluation.path(submission.evaluationId)),
      }),
      now,
    );
  }
}
