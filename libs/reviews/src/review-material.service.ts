import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError } from '@mesecvi/errors';
import type { Caller, RequestMeta } from '@mesecvi/http';
import {
  EvidenceAttachment,
  EvidenceAttachmentContent,
  Submission,
  SubmissionsService,
  toAttachmentView,
  type SubmissionDiff,
  toSubmissionView,
  type EvidenceAttachmentView,
  type SubmissionView,
} from '@mesecvi/submissions';
import { findEvaluation } from './evaluation-lookup';
import { ReviewAccess } from './review-access.service';

export interface ReviewMaterialView {
  evaluationId: string;
  stateCode: string;
  status: string;
  submissions: SubmissionView[];
  attachments: EvidenceAttachmentView[];
}

/**
 * What rapporteurs, the Coordinator and the secretariat read: the submitted versions and the
 * evidence. Experts not assigned get 404, like a missing evaluation.
 */
@Injectable()
export class ReviewMaterial {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: ReviewAccess,
    private readonly submissions: SubmissionsService,
  ) {}

  /**
   * What changed between two submitted versions: for the state's own users as their records, for
   * experts under the review's rule (assigned rapporteurs and the Coordinator, never on an
   * excluded state), so after a clarification they see what the state changed.
   */
  async diff(
    caller: Caller,
    evaluationId: string,
    from: number,
    to: number,
    meta: RequestMeta,
  ): Promise<SubmissionDiff> {
    const manager = this.dataSource.manager;
    const evaluation = await findEvaluation(manager, evaluationId);
    await this.access.readScope(manager, caller, evaluation, meta);
    return this.submissions.diffOf(evaluation.id, from, to, caller.language);
  }

  async overview(caller: Caller, evaluationId: string, meta: RequestMeta): Promise<ReviewMaterialView> {
    const manager = this.dataSource.manager;
    const evaluation = await findEvaluation(manager, evaluationId);
    await this.access.assertCanSee(manager, caller, evaluation, meta);
    const submissions = await manager
      .getRepository(Submission)
      .find({ where: { evaluationId: evaluation.id }, order: { versionNumber: 'ASC' } });
    const attachments = await manager
      .getRepository(EvidenceAttachment)
      .find({ where: { evaluationId: evaluation.id }, order: { uploadedAt: 'ASC', id: 'ASC' } });
    return {
      evaluationId: evaluation.id,
      stateCode: evaluation.stateCode,
      status: evaluation.status,
      submissions: submissions.map(toSubmissionView),
      attachments: attachments.map(toAttachmentView),
    };
  }

  async version(
    caller: Caller,
    evaluationId: string,
    versionNumber: number,
    meta: RequestMeta,
  ): Promise<SubmissionView & { answers: unknown }> {
    const manager = this.dataSource.manager;
    const evaluation = await findEvaluation(manager, evaluationId);
    await this.access.assertCanSee(manager, caller, evaluation, meta);
    const row =
      Number.isSafeInteger(versionNumber) && versionNumber > 0
        ? await manager.getRepository(Submission).findOneBy({ evaluationId: evaluation.id, versionNumber })
        : null;
    if (!row) throw new DomainError('not_found', `Submitted version ${versionNumber} was not found`);
    return { ...toSubmissionView(row), answers: JSON.parse(row.canonicalJson) as unknown };
  }

  async attachment(
    caller: Caller,
    evaluationId: string,
    attachmentId: string,
    meta: RequestMeta,
  ): Promise<{ attachment: EvidenceAttachmentView; content: Buffer }> {
    const manager = this.dataSource.manager;
    const evaluation = await findEvaluation(manager, evaluationId);
    await this.access.assertCanSee(manager, caller, evaluation, meta);
    const row = /^[0-9a-f-]{36}$/i.test(attachmentId)
      ? await manager.getRepository(EvidenceAttachment).findOneBy({ id: attachmentId, evaluationId: evaluation.id })
      : null;
    const content = row ? await manager.getRepository(EvidenceAttachmentContent).findOneBy({ attachmentId }) : null;
    if (!row || !content) throw new DomainError('not_found', 'Attachment was not found');
    return { attachment: toAttachmentView(row), content: content.content };
  }
}
