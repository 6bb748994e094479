import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { RecommendationStatus } from './recommendation.entity';

export interface RecommendationDraft {
  /** An existing id to keep (and edit); absent for a new recommendation. */
  id?: string;
  theme: string;
  articles: string[];
  text: string;
}

export interface RecommendationView {
  id: string;
  evaluationId: string;
  stateCode: string;
  number: number;
  theme: string;
  articles: string[];
  text: string;
  status: RecommendationStatus;
}

interface Row {
  id: string;
  evaluation_id: string;
  state_code: string;
  seq: number;
  theme: string;
  articles: string[];
  text: string;
  status: RecommendationStatus;
}

const toView = (r: Row): RecommendationView => ({
  id: r.id,
  evaluationId: r.evaluation_id,
  stateCode: r.state_code,
  number: r.seq,
  theme: r.theme,
  articles: r.articles,
  text: r.text,
  status: r.status,
});

/** A recommendation a follow-up evaluation asked about, with the committee's recorded rating (none yet: null). */
export interface FollowUpLine {
  itemId: string;
  recommendationId: string;
  theme: string;
  articles: string[];
  text: string;
  rating: { value: string; justification: string; closes: boolean } | null;
}

/** The stable id of the n-th recommendation of a state in a round. */
export const recommendationId = (roundNumber: number, stateCode: string, n: number): string =>
  `${roundNumber}-${stateCode}-${n}`;

/**
 * Recommendations as rows (the follow-up rounds build on them). Callers hold the lock of the
 * report they belong to, so numbering within an evaluation is serialised.
 */
@Injectable()
export class RecommendationsService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Makes the evaluation's draft recommendations exactly `drafts`: listed ids are updated, new ones
   * numbered after the highest number ever used, unlisted drafts withdrawn. Unknown ids: returned.
   */
  async replaceDrafts(
    manager: EntityManager,
    evaluation: { id: string; stateCode: string; roundNumber: number },
    drafts: RecommendationDraft[],
    now: Date,
  ): Promise<{ unknownIds: string[] }> {
    const existing: Row[] = await manager.query(
      `SELECT * FROM recommendation WHERE evaluation_id = $1 AND status = 'draft'`,
      [evaluation.id],
    );
    const known = new Set(existing.map((r) => r.id));
    const unknownIds = drafts.filter((d) => d.id !== undefined && !known.has(d.id)).map((d) => d.id as string);
    if (unknownIds.length > 0) return { unknownIds };
    const keep = new Set(drafts.map((d) => d.id).filter((id): id is string => id !== undefined));
    await manager.query(
      `UPDATE recommendation SET status = 'withdrawn', updated_at = $2 WHERE evaluation_id = $1 AND status = 'draft' AND NOT (id = ANY($3::varchar[]))`,
      [evaluation.id, now, [...keep]],
    );
    const [{ max }]: Array<{ max: number }> = await manager.query(
      'SELECT COALESCE(MAX(seq), 0)::int AS max FROM recommendation WHERE evaluation_id = $1',
      [evaluation.id],
    );
    let next = max;
    for (const d of drafts) {
      if (d.id) {
        await manager.query(
          'UPDATE recommendation SET theme = $2, articles = $3, text = $4, updated_at = $5 WHERE id = $1',
          [d.id, d.theme, d.articles, d.text.trim(), now],
        );
        continue;
      }
      next += 1;
      await manager.query(
        `INSERT INTO recommendation (id, evaluation_id, state_code, seq, theme, articles, text, status, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, 'draft', $8, $8)`,
        [
          recommendationId(evaluation.roundNumber, evaluation.stateCode, next),
          evaluation.id,
          evaluation.stateCode,
          next,
          d.theme,
          d.articles,
          d.text.trim(),
          now,
        ],
      );
    }
    return { unknownIds: [] };
  }

  /** The report's adoption adopts its draft recommendations. */
  async adoptAll(manager: EntityManager, evaluationId: string, now: Date): Promise<number> {
    const [, count] = (await manager.query(
      `UPDATE recommendation SET status = 'adopted', updated_at = $2 WHERE evaluation_id = $1 AND status = 'draft'`,
      [evaluationId, now],
    )) as [unknown, number];
    return count;
  }

  /** What a national follow-up report lists: each recommendation asked about and its recorded rating. */
  async followUpLines(evaluationId: string, manager: EntityManager = this.dataSource.manager): Promise<FollowUpLine[]> {
    const rows: Array<{
      item_id: string;
      id: string;
      theme: string;
      articles: string[];
      text: string;
      value: string | null;
      justification: string | null;
      closes: boolean | null;
    }> = await manager.query(
      `SELECT fi.item_id, r.id, r.theme, r.articles, r.text, rr.value, rr.justification, rr.closes
       FROM follow_up_item fi JOIN recommendation r ON r.id = fi.recommendation_id
       LEFT JOIN recommendation_rating rr ON rr.follow_up_evaluation_id = fi.evaluation_id AND rr.recommendation_id = fi.recommendation_id
       WHERE fi.evaluation_id = $1 ORDER BY fi.item_id`,
      [evaluationId],
    );
    return rows.map((r) => ({
      itemId: r.item_id,
      recommendationId: r.id,
      theme: r.theme,
      articles: r.articles,
      text: r.text,
      rating: r.value ? { value: r.value, justification: r.justification ?? '', closes: r.closes === true } : null,
    }));
  }

  async listFor(evaluationId: string, manager: EntityManager = this.dataSource.manager): Promise<RecommendationView[]> {
    const rows: Row[] = await manager.query(
      `SELECT * FROM recommendation WHERE evaluation_id = $1 AND status <> 'withdrawn' ORDER BY seq`,
      [evaluationId],
    );
    return rows.map(toView);
  }
}
