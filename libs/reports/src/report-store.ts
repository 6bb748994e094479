import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainError } from '@mesecvi/errors';
import { isUuid } from '@mesecvi/http';
import { RecommendationsService } from '@mesecvi/recommendations';
import {
  REPORT_SELECT,
  toReportView,
  type CountryReportView,
  type ObservationView,
  type ReportRow,
} from './country-report.view';

interface ObservationRow {
  id: string;
  recommendation_id: string | null;
  text: string;
  attachment_ids: string[];
  submitted_by: string;
  submitted_by_role: string;
  on_behalf_channel: 'diplomatic_note' | 'email' | null;
  on_behalf_reference: string | null;
  submitted_at: Date;
}

/** Loading a report row (optionally locked) and its full view. */
@Injectable()
export class ReportStore {
  constructor(private readonly recommendations: RecommendationsService) {}

  async row(manager: EntityManager, where: 'r.id' | 'r.evaluation_id', id: string, lock = false): Promise<ReportRow> {
    const rows: ReportRow[] = isUuid(id)
      ? await manager.query(`${REPORT_SELECT} WHERE ${where} = $1 ${lock ? 'FOR UPDATE OF r' : ''}`, [id])
      : [];
    if (!rows[0]) throw new DomainError('not_found', 'Country report was not found');
    return rows[0];
  }

  async view(manager: EntityManager, row: ReportRow): Promise<CountryReportView> {
    const observations: ObservationRow[] = await manager.query(
      'SELECT * FROM report_observation WHERE report_id = $1 ORDER BY submitted_at, id',
      [row.id],
    );
    const followUp =
      row.round_kind === 'follow_up' ? await this.recommendations.followUpLines(row.evaluation_id, manager) : null;
    return toReportView(
      row,
      await this.recommendations.listFor(row.evaluation_id, manager),
      observations.map(toObservationView),
      followUp,
    );
  }
}

const toObservationView = (o: ObservationRow): ObservationView => ({
  id: o.id,
  recommendationId: o.recommendation_id,
  text: o.text,
  attachmentIds: o.attachment_ids,
  submittedBy: { userId: o.submitted_by, role: o.submitted_by_role },
  onBehalf:
    o.on_behalf_channel && o.on_behalf_reference
      ? { channel: o.on_behalf_channel, reference: o.on_behalf_reference }
      : null,
  submittedAt: o.submitted_at.toISOString(),
});
