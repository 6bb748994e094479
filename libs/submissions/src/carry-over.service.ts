import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '@mesecvi/audit';
import { Clock } from '@mesecvi/clock';
import { ruleConflict } from '@mesecvi/errors';
import type { Caller, Precondition, RequestMeta } from '@mesecvi/http';
import { QuestionnaireRegistry, carryOverTargets } from '@mesecvi/questionnaires';
import { EvaluationTransitions } from '@mesecvi/rounds';
import { isPlainObject } from './document-limits';
import { staleDraft } from './etag';
import { DraftsRepository } from './drafts.repository';
import { EvaluationAccess } from './evaluation-access.service';
import { SUBMISSION_RULES } from './submission-rules';
import type { CarryOverResult } from './submission.schemas';

/**
 * Prefills a draft from the state's last submitted answers of an earlier round, for items whose
 * ids this round's questionnaire also has — or, when the earlier answers were given to another
 * version of the same questionnaire, to the ids the mapping beside its schema names
 * (schemas/questionnaires/<key>.carry-over.json). Nothing already answered is overwritten.
 */
@Injectable()
export class CarryOverService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: EvaluationAccess,
    private readonly transitions: EvaluationTransitions,
    private readonly drafts: DraftsRepository,
    private readonly registry: QuestionnaireRegistry,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async prefill(
    caller: Caller,
    evaluationId: string,
    precondition: Precondition,
    meta: RequestMeta,
  ): Promise<CarryOverResult> {
    const now = await this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      const evaluation = await this.access.lockFor(manager, caller, evaluationId, meta);
      const expected = precondition.version();
      this.access.assertEditable(evaluation);
      const draft = await this.drafts.row(manager, evaluationId);
      if (expected !== draft.version) throw staleDraft(draft.version);
      const [source]: Array<{
        id: string;
        evaluation_id: string;
        round_name: string;
        version_number: number;
        canonical_json: string;
        questionnaire_key: string;
        questionnaire_version: number;
      }> = await manager.query(
        `SELECT s.id, s.evaluation_id, r.name AS round_name, s.version_number, s.canonical_json, q.key AS questionnaire_key, q.version AS questionnaire_version
           FROM submission s JOIN state_evaluation e ON e.id = s.evaluation_id JOIN round r ON r.id = e.round_id
           JOIN questionnaire_version q ON q.id = s.questionnaire_version_id
          WHERE e.state_code = $1 AND e.round_id <> $2
          ORDER BY s.submitted_at DESC, s.version_number DESC LIMIT 1`,
        [evaluation.stateCode, evaluation.roundId],
      );
      if (!source) throw ruleConflict(SUBMISSION_RULES.carry_over_source);
      const earlier = JSON.parse(source.canonical_json) as Record<string, unknown>;
      const compiled = await this.registry.compiled(evaluation.questionnaireVersionId);
      const target = await this.registry.get(evaluation.questionnaireVersionId, manager);
      // The mapping applies to answers of another version of the same questionnaire only.
      const mapping =
        source.questionnaire_key === target.key && source.questionnaire_version !== target.version
          ? await this.registry.carryOverMapping(target.key)
          : null;
      const targets = carryOverTargets(mapping, source.questionnaire_version, Object.keys(earlier));
      const known = new Set(Object.keys(isPlainObject(compiled.schema.properties) ? compiled.schema.properties : {}));
      // Each item is filled once: a declared rename wins over an earlier answer that kept that id.
      const used = new Set<string>();
      const candidates = [
        ...Object.keys(earlier).filter((id) => targets.get(id) !== id),
        ...Object.keys(earlier).filter((id) => targets.get(id) === id),
      ].filter((id) => {
        const to = targets.get(id) as string;
        if (!known.has(to) || to in draft.document || used.has(to)) return false;
        used.add(to);
        return true;
      });
      // An answer the new questionnaire no longer accepts in that form is left out, not forced in.
      const lenient = compiled.validate(
        Object.fromEntries(candidates.map((id) => [targets.get(id) as string, earlier[id]])),
        'lenient',
        caller.language,
      );
      const invalid = new Set(lenient.errors.map((e) => e.pointer.split('/')[1]));
      const taken = candidates.filter((id) => !invalid.has(targets.get(id) as string));
      const carried = taken.map((id) => targets.get(id) as string).sort();
      const renamed = taken
        .filter((id) => targets.get(id) !== id)
        .map((id) => ({ from: id, to: targets.get(id) as string }))
        .sort((a, b) => (a.to < b.to ? -1 : a.to > b.to ? 1 : 0));
      const skipped = Object.keys(earlier)
        .filter((id) => !taken.includes(id))
        .sort();
      const document = {
        ...draft.document,
        ...Object.fromEntries(taken.map((id) => [targets.get(id) as string, earlier[id]])),
      };
      const version = await this.drafts.write(manager, evaluationId, expected, document, caller.userId, now);
      await this.drafts.markEdited(manager, evaluationId, carried, caller.userId, now, source.id);
      if (evaluation.status === 'invited')
        await this.transitions.apply(manager, evaluation, 'first_draft_save', {
          actor: caller,
          requestId: meta.requestId,
          now,
        });
      await this.audit.record(manager, {
        actor: caller,
        action: 'answer_draft.carried_over',
        entity: { type: 'state_evaluation', id: evaluationId },
        summary: {
          stateCode: evaluation.stateCode,
          version,
          fromSubmissionId: source.id,
          items: carried.slice(0, 100),
          itemCount: carried.length,
          renamed: renamed.slice(0, 100),
        },
        requestId: meta.requestId,
        at: now,
      });
      return {
        evaluationId,
        version,
        fromSubmission: {
          id: source.id,
          evaluationId: source.evaluation_id,
          roundName: source.round_name,
          versionNumber: source.version_number,
        },
        carriedItems: carried,
        renamedItems: renamed,
        skippedItems: skipped,
      };
    });
  }
}
