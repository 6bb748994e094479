import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '@mesecvi/audit';
import { Clock } from '@mesecvi/clock';
import type { Caller, Precondition, RequestMeta } from '@mesecvi/http';
import { EvaluationTransitions } from '@mesecvi/rounds';
import type { CountryReportView } from './country-report.view';
import { checkSections } from './country-reports.service';
import { checkIfMatch, fieldInvalid, ruleConflict } from './report-errors';
import { ReportStore } from './report-store';
import { REPORT_RULES } from './report-rules';

export interface CorrigendumInput {
  reason: string;
  /** The corrected sections (others stay as adopted). */
  sections: Record<string, string>;
}

/**
 * Corrigenda: the only change an adopted (or published) report takes. Each one raises the
 * revision (`…/Rev.1`, `…/Rev.2`) and keeps the reason and the replaced text.
 */
@Injectable()
export class Corrigenda {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transitions: EvaluationTransitions,
    private readonly store: ReportStore,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async issue(
    caller: Caller,
    reportId: string,
    precondition: Precondition,
    input: CorrigendumInput,
    meta: RequestMeta,
  ): Promise<CountryReportView> {
    checkSections(input.sections);
    const now = await this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      const peek = await this.store.row(manager, 'r.id', reportId);
      await this.transitions.lock(manager, peek.evaluation_id);
      const row = await this.store.row(manager, 'r.id', reportId, true);
      if (row.status !== 'adopted' && row.status !== 'published')
        throw ruleConflict(
          REPORT_RULES.corrigendum_needs_adoption,
          { reportStatus: row.status },
          { reportStatus: row.status },
        );
      checkIfMatch(precondition, row.version);
      const changed = Object.keys(input.sections).filter((theme) => row.sections[theme] !== input.sections[theme]);
      if (changed.length === 0) throw fieldInvalid('/sections', REPORT_RULES.corrigendum_changes);
      const revision = row.revision + 1;
      const [inserted]: Array<{ id: string }> = await manager.query(
        `INSERT INTO country_report_corrigendum (report_id, revision, reason, changed_sections, previous_sections, recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7) RETURNING id`,
        [row.id, revision, input.reason.trim(), changed, JSON.stringify(row.sections), caller.userId, now],
      );
      await manager.query(
        'UPDATE country_report SET sections = $2::jsonb, revision = $3, version = version + 1, updated_at = $4 WHERE id = $1',
        [row.id, JSON.stringify({ ...row.sections, ...input.sections }), revision, now],
      );
      await this.audit.record(manager, {
        actor: caller,
        action: 'country_report.corrected',
        entity: { type: 'country_report', id: row.id },
        summary: { corrigendumId: inserted.id, revision, changedSections: changed, symbol: row.symbol },
        requestId: meta.requestId,
        at: now,
      });
      return this.store.view(manager, await this.store.row(manager, 'r.id', row.id));
    });
  }
}
