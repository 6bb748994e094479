import { Injectable } from '@nestjs/common';
import { Type, type Static } from '@sinclair/typebox';
import { DataSource } from 'typeorm';
import { DomainError } from '@mesecvi/errors';
import { Closed, DateTime, type Language } from '@mesecvi/http';
import { StateParty, stateName } from '@mesecvi/states';
import type { CountryReportView } from './country-report.view';
import { reportHtml, reportMarkdown } from './report-render';
import { ReportStore } from './report-store';

/** One published report as the public list gives it; written once: type and document schema. */
export const PublishedReportSummarySchema = Closed({
  id: Type.String({ format: 'uuid' }),
  stateCode: Type.String({ example: 'ARG' }),
  roundName: Type.String({ example: 'Fourth Multilateral Evaluation Round' }),
  symbol: Type.String({ example: 'MESECVI/CEVI/doc.1/27' }),
  adoptedOn: Type.String({ format: 'date' }),
  publishedAt: DateTime(),
});
export type PublishedReportSummary = Static<typeof PublishedReportSummarySchema>;

/** Published reports, readable without signing in; anything else does not exist here (404). */
@Injectable()
export class PublicReports {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: ReportStore,
  ) {}

  async list(): Promise<PublishedReportSummary[]> {
    const rows: Array<{
      id: string;
      state_code: string;
      round_name: string;
      symbol: string;
      adopted_on: string;
      published_at: Date;
    }> = await this.dataSource.query(
      `SELECT r.id, r.state_code, ro.name AS round_name, r.symbol, to_char(r.adopted_on, 'YYYY-MM-DD') AS adopted_on, r.published_at
       FROM country_report r JOIN state_evaluation e ON e.id = r.evaluation_id JOIN round ro ON ro.id = e.round_id
       WHERE r.status = 'published' ORDER BY r.published_at DESC, r.id`,
    );
    return rows.map((r) => ({
      id: r.id,
      stateCode: r.state_code,
      roundName: r.round_name,
      symbol: r.symbol,
      adoptedOn: r.adopted_on,
      publishedAt: r.published_at.toISOString(),
    }));
  }

  async get(reportId: string): Promise<CountryReportView> {
    const manager = this.dataSource.manager;
    const row = await this.store.row(manager, 'r.id', reportId).catch(() => null);
    if (!row || row.status !== 'published') throw new DomainError('not_found', 'Published report was not found');
    return this.store.view(manager, row);
  }

  /** The report as Markdown or HTML, the state named in `language`. */
  async render(reportId: string, format: 'md' | 'html', language: Language): Promise<string> {
    const report = await this.get(reportId);
    const state = await this.dataSource.getRepository(StateParty).findOneByOrFail({ code: report.stateCode });
    return format === 'md'
      ? reportMarkdown(report, stateName(state, language))
      : reportHtml(report, stateName(state, language));
  }
}
