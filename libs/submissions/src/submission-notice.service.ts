import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@mesecvi/config';
import { RecipientDirectory } from '@mesecvi/deadlines';
import { Outbox } from '@mesecvi/mail';
import { StateParty, stateName } from '@mesecvi/states';
import type { SubmissionView } from './submission.view';

/** Stages the secretariat's "answers received" mail in the submission's transaction. */
@Injectable()
export class SubmissionNotice {
  constructor(
    private readonly recipients: RecipientDirectory,
    private readonly outbox: Outbox,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async stage(manager: EntityManager, stateCode: string, submission: SubmissionView, now: Date): Promise<string[]> {
    const [round]: Array<{ name: string }> = await manager.query('SELECT r.name FROM round r JOIN state_evaluation e ON e.round_id = r.id WHERE e.id = $1', [submission.evaluationId]);
    const state = (await manager.getRepository(StateParty).findOneBy({ code: stateCode })) as StateParty;
    const related = { type: 'submission', id: submission.id };
    const people = await this.recipients.resolve(manager, 'secretariat', stateCode);
    if (people.length === 0) {
      await this.outbox.recordSkipped(
        manager,
        { kind: 'submission', template: 'submission_received', language: 'en', role: 'secretariat', stateCode, related, reason: 'no active secretariat account' },
        `submission:${submission.id}:nobody`,
        now,
      );
      return [];
    }
    const ids: string[] = [];
    for (const person of people) {
      const id = await this.outbox.stageOnce(
        manager,
        {
          kind: 'submission',
          template: 'submission_received',
          language: person.language,
          to: { address: person.address, name: person.name ?? undefined, userId: person.userId ?? undefined, role: person.ledgerRole },
          stateCode,
          related,
          payload: {
            recipientName: person.name ?? 'Technical Secretariat',
            roundName: round.name,
            stateName: stateName(state, person.language),
            versionNumber: submission.versionNumber,
            submittedAt: submission.submittedAt,
            onTime: submission.onTime,
            daysLate: submission.daysLate,
            onBehalf: submission.onBehalf?.channel ?? null,
            sha256: submission.sha256,
            link: `${this.config.http.publicBaseUrl}/evaluations/${submission.evaluationId}/submissions/${submission.versionNumber}`,
          },
        },
        `submission:${submission.id}:${person.address}`,
        now,
      );
      if (id) ids.push(id);
    }
    return ids;
  }
}
