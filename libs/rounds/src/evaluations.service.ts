import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { DomainError } from '@mesecvi/errors';
import type { Caller, RequestMeta } from '@mesecvi/http';
import { PolicyService } from '@mesecvi/policy';
import { QuestionnaireRegistry, type QuestionnaireDocumentView } from '@mesecvi/questionnaires';
import { EVALUATION_SELECT, toEvaluationView, type EvaluationRow, type EvaluationView } from './evaluation.view';
import { isUuid } from '@mesecvi/http';

/**
 * Reading state evaluations through the policy: the secretariat sees every state's, a state's
 * users their own (another state's is 404). Experts see a round's statuses; an evaluation's
 * content only once they are assigned as its rapporteurs (libs/reviews; until then 404).
 */
@Injectable()
export class EvaluationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policy: PolicyService,
    private readonly registry: QuestionnaireRegistry,
  ) {}

  async listForRound(caller: Caller, roundId: string): Promise<EvaluationView[]> {
    if (!isUuid(roundId)) throw new DomainError('not_found', 'Round was not found');
    const scope = this.policy.stateRecordsScope(caller);
    const seesAll = scope.kind === 'all' || caller.role === 'committee_expert';
    const rows: EvaluationRow[] = await this.dataSource.query(
      `${EVALUATION_SELECT} WHERE e.round_id = $1 ${seesAll ? '' : 'AND e.state_code = ANY($2)'} ORDER BY e.state_code`,
      seesAll ? [roundId] : [roundId, scope.kind === 'states' ? scope.codes : []],
    );
    return rows.map(toEvaluationView);
  }

  /** One evaluation the caller may see, or 404 (logged as a security event when it exists). */
  async get(
    caller: Caller,
    id: string,
    meta: RequestMeta,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<EvaluationView> {
    const row = isUuid(id)
      ? ((await manager.query(`${EVALUATION_SELECT} WHERE e.id = $1`, [id])) as EvaluationRow[])[0]
      : undefined;
    if (!row) throw new DomainError('not_found', 'State evaluation was not found');
    if (!this.policy.canReadStateRecords(caller, row.state_code)) {
      this.policy.denied(caller, meta, 'state evaluation', row.state_code);
      throw new DomainError('not_found', 'State evaluation was not found');
    }
    return toEvaluationView(row);
  }

  /** The evaluation's questionnaire (schema, items, labels and help) in the caller's language. */
  async questionnaire(
    caller: Caller,
    id: string,
    meta: RequestMeta,
  ): Promise<QuestionnaireDocumentView & { evaluation: EvaluationView }> {
    const evaluation = await this.get(caller, id, meta);
    const document = await this.registry.document(evaluation.questionnaireVersionId, caller.language);
    return { ...document, evaluation };
  }
}
