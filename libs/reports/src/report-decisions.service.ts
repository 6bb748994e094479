import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '@mesecvi/audit';
import { Clock } from '@mesecvi/clock';
import { APP_CONFIG, type AppConfig } from '@mesecvi/config';
import { appRoutes, webLink } from '@mesecvi/web-links';
import {
  addDays,
  DeadlinesService,
  focalPointPageLink,
  isCalendarDate,
  localDate,
  RecipientDirectory,
} from '@mesecvi/deadlines';
import type { Caller, Precondition, RequestMeta } from '@mesecvi/http';
import { isUuid } from '@mesecvi/http';
import { Outbox } from '@mesecvi/mail';
import { PolicyService } from '@mesecvi/policy';
import { RecommendationsService } from '@mesecvi/recommendations';
import { RapporteurNotices } from '@mesecvi/reviews';
import { EvaluationTransitions, type LockedEvaluation } from '@mesecvi/rounds';
import { StateParty, stateName } from '@mesecvi/states';
import type { AdoptionMethod } from './country-report.entity';
import type { CountryReportView, ReportRow } from './country-report.view';
import { formatSymbol, nextSymbolNumber } from './document-symbol';
import { checkIfMatch, fieldInvalid, rethrowAsReportConflict, ruleConflict } from './report-errors';
import { ReportStore } from './report-store';
import { REPORT_RULES } from './report-rules';

export interface ObservationsInput {
  general?: string;
  /** Evidence files (ids from POST /evaluations/{id}/attachments) supporting the general observations. */
  generalAttachmentIds?: string[];
  perRecommendation?: Array<{ recommendationId: string; text: string; attachmentIds?: string[] }>;
  /** Required when the secretariat enters them for the state. */
  onBehalf?: { channel: 'diplomatic_note' | 'email'; reference: string };
}

export interface AdoptionInput {
  method: AdoptionMethod;
  votesFor?: number;
  votesAgainst?: number;
  abstentions?: number;
  meeting: string;
  adoptedOn: string;
  /** Needed to adopt before the observations arrived or their deadline passed. */
  overrideReason?: string;
  /** A symbol set by hand (unique); otherwise the next one of the adoption year's sequence. */
  symbol?: string;
}

type Locked = { evaluation: LockedEvaluation; row: ReportRow };

/**
 * The report's path after drafting: preliminary report sent (mail + observations deadline),
 * observations (by the state, or the secretariat for it), adoption (decision, symbol) and
 * publication — each a named evaluation transition, audited, in one transaction.
 */
@Injectable()
export class ReportDecisions {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policy: PolicyService,
    private readonly transitions: EvaluationTransitions,
    private readonly store: ReportStore,
    private readonly recommendations: RecommendationsService,
    private readonly deadlines: DeadlinesService,
    private readonly recipients: RecipientDirectory,
    private readonly outbox: Outbox,
    private readonly notices: RapporteurNotices,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async sendPreliminary(
    caller: Caller,
    reportId: string,
    precondition: Precondition,
    meta: RequestMeta,
  ): Promise<CountryReportView> {
    const now = await this.clock.now();
    const mailIds: string[] = [];
    const view = await this.dataSource.transaction(async (manager) => {
      const { evaluation, row } = await this.lock(manager, reportId);
      checkIfMatch(precondition, row.version);
      const recommendations = await this.recommendations.listFor(row.evaluation_id, manager);
      let count = recommendations.length;
      if (row.round_kind === 'follow_up') {
        // A national follow-up report: the analysis and the committee's rating of every recommendation asked about.
        const lines = await this.recommendations.followUpLines(row.evaluation_id, manager);
        count = lines.length;
        const unrated = lines.filter((l) => l.rating === null).map((l) => l.recommendationId);
        if (Object.keys(row.sections).length === 0 || unrated.length > 0) {
          throw ruleConflict(REPORT_RULES.report_incomplete_follow_up, {}, { unrated });
        }
      } else if (Object.keys(row.sections).length === 0 || recommendations.length === 0) {
        throw ruleConflict(REPORT_RULES.report_incomplete);
      }
      const ctx = { actor: caller, requestId: meta.requestId, now };
      await this.transitions.apply(manager, evaluation, 'preliminary_report_sent', ctx, { reportId: row.id });
      const dueDate = addDays(localDate(now, this.config.mechanism.timeZone), row.observations_days);
      const deadline = await this.deadlines.create(
        manager,
        { kind: 'observations', subject: { type: 'country_report', id: row.id }, stateCode: row.state_code, dueDate },
        ctx,
      );
      await manager.query(
        `UPDATE country_report SET status = 'preliminary', preliminary_sent_at = $2, observations_deadline_id = $3, version = version + 1, updated_at = $2 WHERE id = $1`,
        [row.id, now, deadline.id],
      );
      await this.audit.record(manager, {
        actor: caller,
        action: 'country_report.preliminary_sent',
        entity: { type: 'country_report', id: row.id },
        summary: { evaluationId: row.evaluation_id, stateCode: row.state_code, deadlineId: deadline.id, dueDate },
        requestId: meta.requestId,
        at: now,
      });
      mailIds.push(...(await this.mailFocalPoint(manager, row, count, dueDate, now)));
      return this.store.view(manager, await this.store.row(manager, 'r.id', row.id));
    });
    await this.outbox.wake(mailIds);
    return view;
  }

  /** Observations may cite only evidence uploaded for this same evaluation (hence this state's). */
  private async assertOwnEvidence(
    manager: EntityManager,
    evaluationId: string,
    entries: Array<{ attachmentIds: string[]; pointer: string }>,
  ): Promise<void> {
    for (const e of entries) {
      const ids = e.attachmentIds.filter((id) => isUuid(id));
      const found: Array<{ id: string }> =
        ids.length > 0
          ? await manager.query('SELECT id FROM evidence_attachment WHERE evaluation_id = $1 AND id = ANY($2)', [
              evaluationId,
              ids,
            ])
          : [];
      const known = new Set(found.map((f) => f.id));
      const index = e.attachmentIds.findIndex((id) => !known.has(id));
      if (index >= 0)
        throw fieldInvalid(`${e.pointer}/${index}`, REPORT_RULES.known_attachment, {
          attachmentId: e.attachmentIds[index],
        });
    }
  }

  async submitObservations(
    caller: Caller,
    reportId: string,
    input: ObservationsInput,
    meta: RequestMeta,
  ): Promise<CountryReportView> {
    const now = await this.clock.now();
    const { view, mailIds } = await this.dataSource.transaction(async (manager) => {
      const { evaluation, row } = await this.lock(manager, reportId);
      this.policy.assertStateRecords(caller, row.state_code, meta, 'Country report');
      if (caller.role === 'secretariat' && !input.onBehalf)
        throw fieldInvalid('/onBehalf', REPORT_RULES.on_behalf_required);
      if (caller.role !== 'secretariat' && input.onBehalf)
        throw fieldInvalid('/onBehalf', REPORT_RULES.on_behalf_secretariat);
      if (evaluation.status === 'observations_overdue') throw ruleConflict(REPORT_RULES.observations_deadline_passed);
      if (evaluation.status !== 'preliminary_report_sent' && evaluation.status !== 'observations_received')
        throw ruleConflict(
          REPORT_RULES.observations_not_open,
          { evaluationStatus: evaluation.status },
          { evaluationStatus: evaluation.status },
        );
      const entries = [
        ...(input.general
          ? [
              {
                recommendationId: null as string | null,
                text: input.general,
                attachmentIds: input.generalAttachmentIds ?? [],
                pointer: '/generalAttachmentIds',
              },
            ]
          : []),
        ...(input.perRecommendation ?? []).map((o, i) => ({
          ...o,
          attachmentIds: o.attachmentIds ?? [],
          pointer: `/perRecommendation/${i}/attachmentIds`,
        })),
      ];
      if (entries.length === 0) throw fieldInvalid('/general', REPORT_RULES.observations_required);
      const known = new Set((await this.recommendations.listFor(row.evaluation_id, manager)).map((r) => r.id));
      // On a national follow-up report the state comments on the recommendations it was asked about.
      if (row.round_kind === 'follow_up')
        for (const l of await this.recommendations.followUpLines(row.evaluation_id, manager))
          known.add(l.recommendationId);
      (input.perRecommendation ?? []).forEach((o, i) => {
        if (!known.has(o.recommendationId))
          throw fieldInvalid(`/perRecommendation/${i}/recommendationId`, REPORT_RULES.known_recommendation, {
            recommendationId: o.recommendationId,
          });
      });
      await this.assertOwnEvidence(manager, row.evaluation_id, entries);
      for (const e of entries) {
        await manager.query(
          `INSERT INTO report_observation (report_id, recommendation_id, text, attachment_ids, submitted_by, submitted_by_role, on_behalf_channel, on_behalf_reference, submitted_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
          [
            row.id,
            e.recommendationId,
            e.text.trim(),
            JSON.stringify(e.attachmentIds),
            caller.userId,
            caller.role,
            input.onBehalf?.channel ?? null,
            input.onBehalf?.reference ?? null,
            now,
          ],
        );
      }
      const ctx = { actor: caller, requestId: meta.requestId, now };
      if (evaluation.status === 'preliminary_report_sent')
        await this.transitions.apply(manager, evaluation, 'observations_submitted', ctx, { reportId: row.id });
      if (row.observations_deadline_id)
        await this.deadlines.complete(manager, row.observations_deadline_id, ctx, 'observations received');
      await this.audit.record(manager, {
        actor: caller,
        action: 'country_report.observations_received',
        entity: { type: 'country_report', id: row.id },
        summary: { stateCode: row.state_code, count: entries.length, onBehalf: input.onBehalf?.channel ?? null },
        requestId: meta.requestId,
        at: now,
      });
      const mailIds = await this.notices.stage(
        manager,
        {
          evaluationId: row.evaluation_id,
          event: 'observations_received',
          related: { type: 'country_report', id: row.id },
          occurrence: now.toISOString(),
        },
        now,
      );
      return { view: await this.store.view(manager, await this.store.row(manager, 'r.id', row.id)), mailIds };
    });
    await this.outbox.wake(mailIds);
    return view;
  }

  async adopt(
    caller: Caller,
    reportId: string,
    precondition: Precondition,
    input: AdoptionInput,
    meta: RequestMeta,
  ): Promise<CountryReportView> {
    if (!isCalendarDate(input.adoptedOn)) throw fieldInvalid('/adoptedOn', REPORT_RULES.format);
    if (
      (input.method === 'vote') !==
      (input.votesFor !== undefined && input.votesAgainst !== undefined && input.abstentions !== undefined)
    ) {
      throw fieldInvalid('/method', REPORT_RULES.decision_counts);
    }
    const now = await this.clock.now();
    return this.dataSource
      .transaction(async (manager) => {
        const { evaluation, row } = await this.lock(manager, reportId);
        if (row.status !== 'preliminary')
          throw ruleConflict(
            REPORT_RULES.report_not_preliminary,
            { reportStatus: row.status },
            { reportStatus: row.status },
          );
        checkIfMatch(precondition, row.version);
        const early = evaluation.status === 'preliminary_report_sent';
        if (early && !input.overrideReason?.trim()) {
          throw ruleConflict(REPORT_RULES.adoption_needs_observations_or_override);
        }
        const ctx = { actor: caller, requestId: meta.requestId, now };
        await this.transitions.apply(
          manager,
          evaluation,
          early ? 'final_report_adopted_with_override' : 'final_report_adopted',
          ctx,
          { reportId: row.id },
        );
        if (early && row.observations_deadline_id)
          await this.deadlines.cancel(manager, row.observations_deadline_id, 'report adopted with an override', ctx);
        const year = Number(input.adoptedOn.slice(0, 4));
        const symbol =
          input.symbol?.trim() ||
          formatSymbol(this.config.reports.symbolPattern, await nextSymbolNumber(manager, year), year);
        await manager.query(
          `UPDATE country_report SET status = 'adopted', adoption_method = $2, votes_for = $3, votes_against = $4, abstentions = $5, meeting = $6, adopted_on = $7, adopted_by = $8,
             override_reason = $9, symbol = $10, version = version + 1, updated_at = $11 WHERE id = $1`,
          [
            row.id,
            input.method,
            input.votesFor ?? null,
            input.votesAgainst ?? null,
            input.abstentions ?? null,
            input.meeting.trim(),
            input.adoptedOn,
            caller.userId,
            early ? (input.overrideReason?.trim() ?? null) : null,
            symbol,
            now,
          ],
        );
        const adopted = await this.recommendations.adoptAll(manager, row.evaluation_id, now);
        await this.audit.record(manager, {
          actor: caller,
          action: 'country_report.adopted',
          entity: { type: 'country_report', id: row.id },
          summary: {
            stateCode: row.state_code,
            symbol,
            method: input.method,
            adoptedOn: input.adoptedOn,
            override: early,
            recommendations: adopted,
            symbolByHand: Boolean(input.symbol),
          },
          requestId: meta.requestId,
          at: now,
        });
        return this.store.view(manager, await this.store.row(manager, 'r.id', row.id));
      })
      .catch(rethrowAsReportConflict);
  }

  async publish(caller: Caller, reportId: string, meta: RequestMeta): Promise<CountryReportView> {
    const now = await this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      const { evaluation, row } = await this.lock(manager, reportId);
      if (row.status !== 'adopted')
        throw ruleConflict(REPORT_RULES.report_not_adopted, { reportStatus: row.status }, { reportStatus: row.status });
      await this.transitions.apply(
        manager,
        evaluation,
        'report_published',
        { actor: caller, requestId: meta.requestId, now },
        { reportId: row.id },
      );
      await manager.query(
        `UPDATE country_report SET status = 'published', published_at = $2, version = version + 1, updated_at = $2 WHERE id = $1`,
        [row.id, now],
      );
      await this.audit.record(manager, {
        actor: caller,
        action: 'country_report.published',
        entity: { type: 'country_report', id: row.id },
        summary: { stateCode: row.state_code, symbol: row.symbol },
        requestId: meta.requestId,
        at: now,
      });
      return this.store.view(manager, await this.store.row(manager, 'r.id', row.id));
    });
  }

  /** Deadline-passed handler of `observations`: no observations in time → observations_overdue. */
  async observationsOverdue(manager: EntityManager, reportId: string, now: Date): Promise<void> {
    const row = await this.store.row(manager, 'r.id', reportId);
    const evaluation = await this.transitions.lock(manager, row.evaluation_id);
    if (evaluation.status !== 'preliminary_report_sent') return;
    await this.transitions.apply(
      manager,
      evaluation,
      'observations_deadline_passed',
      { actor: null, now },
      { reportId },
    );
  }

  /** Locks the evaluation, then the report: the same order everywhere, so concurrent decisions queue. */
  private async lock(manager: EntityManager, reportId: string): Promise<Locked> {
    const peek = await this.store.row(manager, 'r.id', reportId);
    const evaluation = await this.transitions.lock(manager, peek.evaluation_id);
    const row = await this.store.row(manager, 'r.id', reportId, true);
    return { evaluation, row };
  }

  private async mailFocalPoint(
    manager: EntityManager,
    row: ReportRow,
    recommendations: number,
    dueDate: string,
    now: Date,
  ): Promise<string[]> {
    const state = await manager.getRepository(StateParty).findOneByOrFail({ code: row.state_code });
    const related = { type: 'country_report', id: row.id };
    const people = await this.recipients.resolve(manager, 'focal_point', row.state_code);
    if (people.length === 0) {
      await this.outbox.recordSkipped(
        manager,
        {
          kind: 'report',
          template: 'preliminary_report',
          language: state.workingLanguage,
          role: 'state_focal_point',
          stateCode: row.state_code,
          related,
          reason: `no active focal point for ${row.state_code}`,
        },
        `preliminary:${row.id}:nobody`,
        now,
      );
      return [];
    }
    const ids: string[] = [];
    for (const person of people) {
      const id = await this.outbox.stageOnce(
        manager,
        {
          kind: 'report',
          template: 'preliminary_report',
          language: person.language,
          to: {
            address: person.address,
            name: person.name ?? undefined,
            userId: person.userId ?? undefined,
            role: person.ledgerRole,
          },
          stateCode: row.state_code,
          related,
          payload: {
            recipientName: person.name ?? stateName(state, person.language),
            roundName: row.round_name,
            stateName: stateName(state, person.language),
            recommendations,
            dueDate,
            // A mission has no account: it is led to the public page on designating a focal point.
            link: person.standsInForFocalPoint
              ? focalPointPageLink(this.config.http.publicBaseUrl, person.language)
              : webLink(this.config.http.publicBaseUrl, appRoutes.evaluationReport.path(row.evaluation_id)),
          },
        },
        `preliminary:${row.id}:${person.address}`,
        now,
      );
      if (id) ids.push(id);
    }
    return ids;
  }
}
