import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '@mesecvi/audit';
import { Clock } from '@mesecvi/clock';
import { APP_CONFIG, type AppConfig } from '@mesecvi/config';
import { isCalendarDate } from '@mesecvi/deadlines';
import {
  DomainError,
  fieldInvalid,
  rethrowConstraintAsConflict,
  ruleConflict,
  type ConstraintRules,
} from '@mesecvi/errors';
import { isUuid, type Caller, type Language, type RequestMeta } from '@mesecvi/http';
import { formatSymbol, nextSymbolNumber, REPORT_RULES, type AdoptionMethod } from '@mesecvi/reports';
import { computeHemisphericFigures } from './hemispheric-figures';
import {
  HEMISPHERIC_SELECT,
  toHemisphericView,
  type HemisphericReportRow,
  type HemisphericReportView,
  type PublishedHemisphericSummary,
} from './hemispheric-report.view';
import { hemisphericHtml, hemisphericMarkdown } from './mechanism-report-render';
import { MECHANISM_REPORT_RULES } from './mechanism-report-rules';

export interface HemisphericAdoptionInput {
  method: AdoptionMethod;
  votesFor?: number;
  votesAgainst?: number;
  abstentions?: number;
  meeting: string;
  adoptedOn: string;
  /** A symbol set by hand (unique among country and hemispheric reports); otherwise the next of the year's sequence. */
  symbol?: string;
}

/** Phases in which the committee adopts a round's hemispheric report (the round ends with it). */
const ADOPTABLE_PHASES = ['hemispheric_report', 'closed'];

/**
 * The hemispheric report of a round: live figures until the committee adopts it; adoption freezes
 * the figures (a snapshot row with the document symbol), publication makes it readable by anyone.
 * Adoption and publication are audited in their transaction.
 */
@Injectable()
export class HemisphericReports {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The committee's view (routes admit the secretariat and experts only): the adopted snapshot, else live figures. */
  async forRound(roundId: string): Promise<HemisphericReportView> {
    const manager = this.dataSource.manager;
    const adopted = await this.rowForRound(manager, roundId);
    if (adopted) return toHemisphericView(adopted);
    return {
      id: null,
      roundId,
      status: 'draft',
      symbol: null,
      adoption: null,
      publishedAt: null,
      figures: await computeHemisphericFigures(manager, roundId, await this.clock.now(), this.scale()),
    };
  }

  async adopt(
    caller: Caller,
    roundId: string,
    input: HemisphericAdoptionInput,
    meta: RequestMeta,
  ): Promise<HemisphericReportView> {
    if (!isCalendarDate(input.adoptedOn)) throw fieldInvalid('/adoptedOn', REPORT_RULES.format);
    if (
      (input.method === 'vote') !==
      (input.votesFor !== undefined && input.votesAgainst !== undefined && input.abstentions !== undefined)
    ) {
      throw fieldInvalid('/method', REPORT_RULES.decision_counts);
    }
    if (
      input.method === 'consensus' &&
      (input.votesFor !== undefined || input.votesAgainst !== undefined || input.abstentions !== undefined)
    ) {
      throw fieldInvalid('/method', REPORT_RULES.decision_counts);
    }
    const now = await this.clock.now();
    return this.dataSource
      .transaction(async (manager) => {
        // The round row is the lock: concurrent adoptions of one round queue here, the second finds the first.
        const rounds: Array<{ id: string; phase: string }> = isUuid(roundId)
          ? await manager.query('SELECT id, phase FROM round WHERE id = $1 FOR UPDATE', [roundId])
          : [];
        if (!rounds[0]) throw new DomainError('not_found', 'Round was not found');
        if (await this.rowForRound(manager, roundId))
          throw ruleConflict(MECHANISM_REPORT_RULES.hemispheric_report_adopted);
        if (!ADOPTABLE_PHASES.includes(rounds[0].phase)) {
          throw ruleConflict(
            MECHANISM_REPORT_RULES.round_not_at_hemispheric_report,
            { roundPhase: rounds[0].phase },
            { roundPhase: rounds[0].phase },
          );
        }
        const handSymbol = input.symbol?.trim();
        if (handSymbol) {
          const taken: unknown[] = await manager.query(
            'SELECT 1 FROM country_report WHERE symbol = $1 UNION ALL SELECT 1 FROM hemispheric_report WHERE symbol = $1',
            [handSymbol],
          );
          if (taken.length > 0) throw ruleConflict(REPORT_RULES.symbol_taken);
        }
        const year = Number(input.adoptedOn.slice(0, 4));
        // The country reports' counter: one sequence of document numbers per year for every report.
        const symbol =
          handSymbol || formatSymbol(this.config.reports.symbolPattern, await nextSymbolNumber(manager, year), year);
        const figures = await computeHemisphericFigures(manager, roundId, now, this.scale());
        const [row]: Array<{ id: string }> = await manager.query(
          `INSERT INTO hemispheric_report (round_id, status, symbol, adoption_method, votes_for, votes_against, abstentions, meeting, adopted_on, adopted_by, figures, created_at)
           VALUES ($1, 'adopted', $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11) RETURNING id`,
          [
            roundId,
            symbol,
            input.method,
            input.votesFor ?? null,
            input.votesAgainst ?? null,
            input.abstentions ?? null,
            input.meeting.trim(),
            input.adoptedOn,
            caller.userId,
            JSON.stringify(figures),
            now,
          ],
        );
        await this.audit.record(manager, {
          actor: caller,
          action: 'hemispheric_report.adopted',
          entity: { type: 'hemispheric_report', id: row.id },
          summary: {
            roundId,
            symbol,
            method: input.method,
            adoptedOn: input.adoptedOn,
            recommendations: figures.total.issued,
            symbolByHand: Boolean(handSymbol),
          },
          requestId: meta.requestId,
          at: now,
        });
        return toHemisphericView((await this.rowForRound(manager, roundId)) as HemisphericReportRow);
      })
      .catch(rethrowAsConflict);
  }

  async publish(caller: Caller, roundId: string, meta: RequestMeta): Promise<HemisphericReportView> {
    const now = await this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      if (
        !isUuid(roundId) ||
        ((await manager.query('SELECT 1 FROM round WHERE id = $1', [roundId])) as unknown[]).length === 0
      )
        throw new DomainError('not_found', 'Round was not found');
      const row = await this.rowForRound(manager, roundId, true);
      if (!row) throw ruleConflict(MECHANISM_REPORT_RULES.hemispheric_report_not_adopted);
      if (row.status === 'published') throw ruleConflict(MECHANISM_REPORT_RULES.hemispheric_report_published);
      await manager.query(
        `UPDATE hemispheric_report SET status = 'published', published_at = $2, published_by = $3 WHERE id = $1`,
        [row.id, now, caller.userId],
      );
      await this.audit.record(manager, {
        actor: caller,
        action: 'hemispheric_report.published',
        entity: { type: 'hemispheric_report', id: row.id },
        summary: { roundId, symbol: row.symbol },
        requestId: meta.requestId,
        at: now,
      });
      return toHemisphericView((await this.rowForRound(manager, roundId)) as HemisphericReportRow);
    });
  }

  /** Published reports, newest first (no sign-in). */
  async listPublished(): Promise<PublishedHemisphericSummary[]> {
    const rows: Array<{
      id: string;
      round_id: string;
      round_name: string;
      symbol: string;
      adopted_on: string;
      published_at: Date;
    }> = await this.dataSource.query(
      `SELECT h.id, h.round_id, r.name AS round_name, h.symbol, to_char(h.adopted_on, 'YYYY-MM-DD') AS adopted_on, h.published_at
         FROM hemispheric_report h JOIN round r ON r.id = h.round_id WHERE h.status = 'published' ORDER BY h.published_at DESC, h.id`,
    );
    return rows.map((r) => ({
      id: r.id,
      roundId: r.round_id,
      roundName: r.round_name,
      symbol: r.symbol,
      adoptedOn: r.adopted_on,
      publishedAt: r.published_at.toISOString(),
    }));
  }

  /** A published report; anything else does not exist here (404). */
  async getPublished(id: string): Promise<HemisphericReportView> {
    const rows: HemisphericReportRow[] = isUuid(id)
      ? await this.dataSource.query(`${HEMISPHERIC_SELECT} WHERE id = $1 AND status = 'published'`, [id])
      : [];
    if (!rows[0]) throw new DomainError('not_found', 'Published hemispheric report was not found');
    return toHemisphericView(rows[0]);
  }

  /** Markdown or HTML, the states named in `language`. */
  async render(view: HemisphericReportView, format: 'md' | 'html', language: Language): Promise<string> {
    const names: Array<{ code: string; name: string }> = await this.dataSource.query(
      `SELECT code, name_${language} AS name FROM state_party`,
    );
    const byCode = Object.fromEntries(names.map((n) => [n.code, n.name]));
    return format === 'md' ? hemisphericMarkdown(view, byCode) : hemisphericHtml(view, byCode);
  }

  private scale(): string[] {
    return this.config.recommendations.ratingScale.map((e) => e.value);
  }

  private async rowForRound(
    manager: EntityManager,
    roundId: string,
    lock = false,
  ): Promise<HemisphericReportRow | null> {
    if (!isUuid(roundId)) return null;
    const rows: HemisphericReportRow[] = await manager.query(
      `${HEMISPHERIC_SELECT} WHERE round_id = $1 ${lock ? 'FOR UPDATE' : ''}`,
      [roundId],
    );
    return rows[0] ?? null;
  }
}

const CONSTRAINT_RULES: ConstraintRules = {
  UQ_hemispheric_report_round: MECHANISM_REPORT_RULES.hemispheric_report_adopted,
  UQ_hemispheric_report_symbol: REPORT_RULES.symbol_taken,
  // Raised by the document_symbol_unique trigger: the symbol is a hemispheric (or country) report's.
  UQ_document_symbol: REPORT_RULES.symbol_taken,
};

const rethrowAsConflict = (e: unknown): never => rethrowConstraintAsConflict(e, CONSTRAINT_RULES);
