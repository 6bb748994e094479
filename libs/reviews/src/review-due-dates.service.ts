import { Inject, Injectable } from '@nestjs/common';
import { Type, type Static } from '@sinclair/typebox';
import { DataSource } from 'typeorm';
import { Clock } from '@mesecvi/clock';
import { APP_CONFIG, type AppConfig } from '@mesecvi/config';
import { checkPastDue, DeadlinesService, type DeadlineView } from '@mesecvi/deadlines';
import { DomainError } from '@mesecvi/errors';
import { Closed, type Caller, type RequestMeta } from '@mesecvi/http';
import { EvaluationTransitions, type EvaluationStatus } from '@mesecvi/rounds';
import { REVIEW_SUBJECT } from './rapporteur-recipients';
import { ruleConflict } from './review-errors';
import { REVIEW_RULES } from './review-rules';

/** A review can be given a due date from submission until it is completed. */
const DATED: readonly EvaluationStatus[] = ['submitted', 'under_review'];

/** What the secretariat sends to set or move a review's due date; written once: type, validator and document. */
export const ReviewDueDateSchema = Closed({
  dueDate: Type.String({
    format: 'date',
    example: '2027-06-30',
    description: "The rapporteurs' review is due at the end of that day (mechanism time zone)",
  }),
  reason: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 2000,
      description: 'Why a set date changes (kept in the deadline history); a default is written when absent',
      example: 'The Committee meets a week later',
    }),
  ),
  confirmPastDue: Type.Optional(
    Type.Boolean({ description: 'true to enter a due date before today on purpose (history); audited' }),
  ),
});
export type ReviewDueDateInput = Static<typeof ReviewDueDateSchema>;

/**
 * The due date of the rapporteurs' review of one evaluation, set and changed by the secretariat: a
 * `review` deadline on the evaluation, so its reminders (seven days before, to each rapporteur
 * whose review is not done), its history and its audit events are the deadlines engine's.
 */
@Injectable()
export class ReviewDueDates {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transitions: EvaluationTransitions,
    private readonly deadlines: DeadlinesService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Creates the review's deadline, or moves it (a new version, reminders re-planned); If-Match checks its version. */
  async set(
    caller: Caller,
    evaluationId: string,
    input: ReviewDueDateInput,
    expectedVersion: number | undefined,
    meta: RequestMeta,
  ): Promise<DeadlineView> {
    if (caller.role !== 'secretariat')
      throw new DomainError('forbidden', 'Only the secretariat sets the due date of a review.');
    const now = await this.clock.now();
    const confirmedPastDue = checkPastDue(
      '/dueDate',
      input.dueDate,
      now,
      this.config.mechanism.timeZone,
      input.confirmPastDue,
    );
    const ctx = { actor: caller, requestId: meta.requestId, now, confirmedPastDue };
    return this.dataSource.transaction(async (manager) => {
      const evaluation = await this.transitions.lock(manager, evaluationId);
      if (!DATED.includes(evaluation.status))
        throw ruleConflict(
          REVIEW_RULES.review_due_date_not_open,
          { evaluationStatus: evaluation.status },
          { evaluationStatus: evaluation.status },
        );
      const subject = { type: REVIEW_SUBJECT, id: evaluation.id };
      const current = await this.deadlines.findForSubject(manager, 'review', subject, evaluation.stateCode);
      if (!current) {
        if (expectedVersion !== undefined)
          throw new DomainError('precondition_failed', 'The review has no due date yet.');
        return this.deadlines.create(
          manager,
          { kind: 'review', subject, stateCode: evaluation.stateCode, dueDate: input.dueDate },
          ctx,
        );
      }
      const reason = input.reason?.trim() || 'Review due date changed by the secretariat';
      return this.deadlines.move(manager, current.id, { dueDate: input.dueDate, reason, expectedVersion }, ctx);
    });
  }
}
