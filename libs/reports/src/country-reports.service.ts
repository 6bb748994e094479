import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '@mesecvi/audit';
import { Clock } from '@mesecvi/clock';
import { DomainError } from '@mesecvi/errors';
import type { Caller, Precondition, RequestMeta } from '@mesecvi/http';
import { PolicyService } from '@mesecvi/policy';
import { CONVENTION_ARTICLES, THEMES } from '@mesecvi/questionnaires';
import { RecommendationsService, type RecommendationDraft } from '@mesecvi/recommendations';
import { ReviewAccess } from '@mesecvi/reviews';
import { EvaluationTransitions, type EvaluationStatus } from '@mesecvi/rounds';
import type { CountryReportView, ReportRow } from './country-report.view';
import { checkIfMatch, fieldInvalid, rethrowAsReportConflict, ruleConflict } from './report-errors';
import { ReportStore } from './report-store';
import { REPORT_RULES } from './report-rules';

export interface ReportDraftInput {
  sections: Record<string, string>;
  recommendations: RecommendationDraft[];
}

/** The committee drafts while it reviews and after; the report exists from the review on. */
const DRAFTABLE: readonly EvaluationStatus[] = ['under_review', 'clarification_requested', 'analysed'];

/**
 * Drafting country reports: created by the committee (secretariat, Coordinator, rapporteurs),
 * edited with If-Match until adoption (afterwards only a corrigendum could change it: 409).
 * The state reads its report from the preliminary version on; before that it does not exist for it.
 */
@Injectable()
export class CountryReports {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policy: PolicyService,
    private readonly access: ReviewAccess,
    private readonly transitions: EvaluationTransitions,
    private readonly store: ReportStore,
    private readonly recommendations: RecommendationsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async create(caller: Caller, evaluationId: string, meta: RequestMeta): Promise<CountryReportView> {
    const now = await this.clock.now();
    return this.dataSource
      .transaction(async (manager) => {
        const evaluation = await this.transitions.lock(manager, evaluationId);
        await this.access.assertCanSee(manager, caller, evaluation, meta);
        if (!DRAFTABLE.includes(evaluation.status))
          throw ruleConflict(
            REPORT_RULES.report_needs_review,
            { evaluationStatus: evaluation.status },
            { evaluationStatus: evaluation.status },
          );
        const [row]: Array<{ id: string }> = await manager.query(
          `INSERT INTO country_report (evaluation_id, state_code, status, sections, created_at, updated_at) VALUES ($1, $2, 'draft', '{}'::jsonb, $3, $3) RETURNING id`,
          [evaluation.id, evaluation.stateCode, now],
        );
        await this.audit.record(manager, {
          actor: caller,
          action: 'country_report.created',
          entity: { type: 'country_report', id: row.id },
          summary: { evaluationId: evaluation.id, stateCode: evaluation.stateCode },
          requestId: meta.requestId,
          at: now,
        });
        return this.store.view(manager, await this.store.row(manager, 'r.id', row.id));
      })
      .catch(rethrowAsReportConflict);
  }

  async forEvaluation(caller: Caller, evaluationId: string, meta: RequestMeta): Promise<CountryReportView> {
    const manager = this.dataSource.manager;
    const row = await this.store.row(manager, 'r.evaluation_id', evaluationId);
    await this.assertReadable(manager, caller, row, meta);
    return this.store.view(manager, row);
  }

  async get(caller: Caller, reportId: string, meta: RequestMeta): Promise<CountryReportView> {
    const manager = this.dataSource.manager;
    const row = await this.store.row(manager, 'r.id', reportId);
    await this.assertReadable(manager, caller, row, meta);
    return this.store.view(manager, row);
  }

  /** Replaces the analysis and the recommendations (stable ids kept, new ones numbered, dropped ones withdrawn). */
  async saveDraft(
    caller: Caller,
    reportId: string,
    precondition: Precondition,
    input: ReportDraftInput,
    meta: RequestMeta,
  ): Promise<CountryReportView> {
    checkDraft(input);
    const now = await this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      const peek = await this.store.row(manager, 'r.id', reportId);
      const evaluation = await this.transitions.lock(manager, peek.evaluation_id);
      const row = await this.store.row(manager, 'r.id', reportId, true);
      await this.access.assertCanSee(manager, caller, evaluation, meta);
      if (row.status === 'adopted' || row.status === 'published')
        throw ruleConflict(REPORT_RULES.report_adopted, {}, { reportStatus: row.status });
      checkIfMatch(precondition, row.version);
      // A national follow-up report rates the recommendations already issued; new ones come with the next evaluation round.
      if (row.round_kind === 'follow_up' && input.recommendations.length > 0) {
        throw fieldInvalid('/recommendations', REPORT_RULES.follow_up_no_new_recommendations);
      }
      const result = await this.recommendations.replaceDrafts(
        manager,
        { id: evaluation.id, stateCode: evaluation.stateCode, roundNumber: row.round_number },
        input.recommendations,
        now,
      );
      if (result.unknownIds.length > 0)
        throw fieldInvalid('/recommendations', REPORT_RULES.known_recommendation_ids, {
          ids: result.unknownIds.join(', '),
        });
      await manager.query(
        'UPDATE country_report SET sections = $2::jsonb, version = version + 1, updated_at = $3 WHERE id = $1',
        [row.id, JSON.stringify(input.sections), now],
      );
      await this.audit.record(manager, {
        actor: caller,
        action: 'country_report.edited',
        entity: { type: 'country_report', id: row.id },
        summary: {
          evaluationId: evaluation.id,
          stateCode: evaluation.stateCode,
          sections: Object.keys(input.sections),
          recommendations: input.recommendations.length,
          version: row.version + 1,
        },
        requestId: meta.requestId,
        at: now,
      });
      return this.store.view(manager, await this.store.row(manager, 'r.id', row.id));
    });
  }

  /** The committee always; the state's own users once the preliminary report was sent. */
  async assertReadable(manager: EntityManager, caller: Caller, row: ReportRow, meta: RequestMeta): Promise<void> {
    if (this.policy.isStateBound(caller)) {
      this.policy.assertStateRecords(caller, row.state_code, meta, 'Country report');
      if (row.status === 'draft') throw new DomainError('not_found', 'Country report was not found');
      return;
    }
    await this.access.assertCanSee(manager, caller, { id: row.evaluation_id, stateCode: row.state_code }, meta);
  }
}

/** Sections are keyed by the questionnaire's themes. */
export function checkSections(sections: Record<string, string>): void {
  for (const theme of Object.keys(sections)) {
    if (!(THEMES as readonly string[]).includes(theme))
      throw fieldInvalid(`/sections/${theme}`, REPORT_RULES.known_theme, { theme, themes: THEMES.join(', ') });
  }
}

function checkDraft(input: ReportDraftInput): void {
  checkSections(input.sections);
  input.recommendations.forEach((r, i) => {
    if (!(THEMES as readonly string[]).includes(r.theme))
      throw fieldInvalid(`/recommendations/${i}/theme`, REPORT_RULES.known_theme_short, { theme: r.theme });
    const unknown = r.articles.find((a) => !(CONVENTION_ARTICLES as readonly string[]).includes(a));
    if (unknown)
      throw fieldInvalid(`/recommendations/${i}/articles`, REPORT_RULES.known_article, {
        article: unknown,
        articles: CONVENTION_ARTICLES.join(', '),
      });
  });
}
