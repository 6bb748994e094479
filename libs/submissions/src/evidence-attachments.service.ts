import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '@mesecvi/audit';
import { Clock } from '@mesecvi/clock';
import { APP_CONFIG, type AppConfig } from '@mesecvi/config';
import { DomainError, type FieldProblem } from '@mesecvi/errors';
import type { Caller, Language, RequestMeta } from '@mesecvi/http';
import { QuestionnaireRegistry } from '@mesecvi/questionnaires';
import { EvaluationsService } from '@mesecvi/rounds';
import { EvaluationAccess } from './evaluation-access.service';
import { EvidenceAttachment, EvidenceAttachmentContent } from './evidence-attachment.entity';
import { toAttachmentView, type EvidenceAttachmentView } from './evidence-attachment.view';
import { detectEvidenceType, EVIDENCE_FILE_TYPES } from './evidence-media-type';
import { evidenceReferences } from './evidence-references';
import { unknownAttachmentMessage } from './submission-messages';
import type { EvidenceLimits } from './submission.schemas';
import { isUuid } from '@mesecvi/http';

/** A file name safe to store and to echo in Content-Disposition: no path, no control characters. */
function cleanFilename(given: string | undefined, extension: string): string {
  let name: string;
  try {
    name = decodeURIComponent(given ?? '');
  } catch {
    name = given ?? '';
  }
  name = (name.split(/[\\/]/).pop() ?? '')
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
    .replace(/[\u0000-\u001f\u007f"]/g, '')
    .trim()
    .slice(0, 200);
  return name.length > 0 ? name : `evidence.${extension}`;
}

/**
 * Evidence files a state's answers cite. The bytes live in PostgreSQL (bytea, in their own
 * table): they commit with the upload's audit event, and every database backup carries them.
 */
@Injectable()
export class EvidenceAttachmentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: EvaluationAccess,
    private readonly evaluations: EvaluationsService,
    private readonly registry: QuestionnaireRegistry,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Before an upload's body is read: 404 (logged) unless the evaluation exists and is in the
   * caller's scope. `upload` checks again under the evaluation's lock.
   */
  async admitUpload(caller: Caller, evaluationId: string, meta: RequestMeta): Promise<void> {
    await this.access.factsFor(caller, evaluationId, meta);
  }

  async upload(
    caller: Caller,
    evaluationId: string,
    content: Buffer,
    filename: string | undefined,
    meta: RequestMeta,
  ): Promise<EvidenceAttachmentView> {
    const now = await this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      const evaluation = await this.access.lockFor(manager, caller, evaluationId, meta);
      // Files are added while answering, and while the state prepares its observations on the
      // preliminary report (they cite evidence too); never after that.
      if (evaluation.status !== 'preliminary_report_sent') this.access.assertEditable(evaluation);
      if (content.length === 0)
        throw new DomainError('validation_failed', 'The file is empty.', {
          errors: [{ pointer: '', message: 'the file is empty' }],
        });
      if (content.length > this.config.submissions.attachmentMaxBytes) {
        throw new DomainError(
          'payload_too_large',
          `Files up to ${this.config.submissions.attachmentMaxBytes} bytes are accepted.`,
        );
      }
      const type = detectEvidenceType(content, filename ?? '');
      if (!type) {
        throw new DomainError(
          'unsupported_media_type',
          'Evidence must be a PDF, an office document (Word, Excel, PowerPoint, OpenDocument), an image (PNG, JPEG, GIF, WebP, TIFF) or a CSV file; this file is none of them.',
        );
      }
      const row = {
        evaluationId: evaluation.id,
        stateCode: evaluation.stateCode,
        filename: cleanFilename(filename, type.extension),
        mediaType: type.mediaType,
        sizeBytes: content.length,
        sha256: createHash('sha256').update(content).digest('hex'),
        uploadedBy: caller.userId,
        uploadedAt: now,
      };
      const inserted = await manager.getRepository(EvidenceAttachment).insert(row);
      const id = String(inserted.identifiers[0].id);
      await manager.getRepository(EvidenceAttachmentContent).insert({ attachmentId: id, content });
      await this.audit.record(manager, {
        actor: caller,
        action: 'evidence_attachment.uploaded',
        entity: { type: 'evidence_attachment', id },
        summary: {
          evaluationId: evaluation.id,
          stateCode: evaluation.stateCode,
          mediaType: type.mediaType,
          sizeBytes: content.length,
          sha256: row.sha256,
        },
        requestId: meta.requestId,
        at: now,
      });
      return toAttachmentView({ ...row, id });
    });
  }

  /** The size and kinds of file an upload may be (the same for every evaluation). */
  limits(): EvidenceLimits {
    return {
      maxBytes: this.config.submissions.attachmentMaxBytes,
      types: EVIDENCE_FILE_TYPES.map((t) => ({ mediaType: t.mediaType, extensions: [...t.extensions] })),
    };
  }

  async list(caller: Caller, evaluationId: string, meta: RequestMeta): Promise<EvidenceAttachmentView[]> {
    await this.evaluations.get(caller, evaluationId, meta);
    const rows = await this.dataSource
      .getRepository(EvidenceAttachment)
      .find({ where: { evaluationId }, order: { uploadedAt: 'ASC', id: 'ASC' } });
    return rows.map(toAttachmentView);
  }

  /** The file and its bytes, for whoever may read the evaluation it was uploaded to. */
  async download(
    caller: Caller,
    attachmentId: string,
    meta: RequestMeta,
  ): Promise<{ attachment: EvidenceAttachmentView; content: Buffer }> {
    const row = isUuid(attachmentId)
      ? await this.dataSource.getRepository(EvidenceAttachment).findOneBy({ id: attachmentId })
      : null;
    if (!row) throw new DomainError('not_found', 'Attachment was not found');
    await this.evaluations.get(caller, row.evaluationId, meta).catch((e: unknown) => {
      throw e instanceof DomainError && e.code === 'not_found'
        ? new DomainError('not_found', 'Attachment was not found')
        : e;
    });
    const content = await this.dataSource.getRepository(EvidenceAttachmentContent).findOneBy({ attachmentId });
    if (!content)
      throw new Error(`evidence attachment ${attachmentId} has no content (run npm run attachments:verify)`);
    return { attachment: toAttachmentView(row), content: content.content };
  }

  /**
   * Problems for answers citing attachments that do not exist or belong to another state, with
   * the question's label and a sentence in the caller's language; empty when all are known.
   */
  async referenceProblems(
    manager: EntityManager,
    stateCode: string,
    document: unknown,
    questionnaireVersionId: string,
    language: Language,
    /** Ids already checked (cited by the stored draft): files are never deleted, so they still exist. */
    alreadyChecked: ReadonlySet<string> = new Set(),
  ): Promise<FieldProblem[]> {
    const references = evidenceReferences(document).filter(
      (r) => isUuid(r.attachmentId) && !alreadyChecked.has(r.attachmentId.toLowerCase()),
    );
    if (references.length === 0) return [];
    const ids = [...new Set(references.map((r) => r.attachmentId.toLowerCase()))];
    const known: Array<{ id: string }> = await manager.query(
      'SELECT id FROM evidence_attachment WHERE id = ANY($1::uuid[]) AND state_code = $2',
      [ids, stateCode],
    );
    const knownIds = new Set(known.map((k) => k.id));
    const unknown = references.filter((r) => !knownIds.has(r.attachmentId.toLowerCase()));
    if (unknown.length === 0) return [];
    const texts = (await this.registry.compiled(questionnaireVersionId)).textsIn(language);
    return unknown.map((r) => {
      const label = texts.items[r.pointer.split('/')[1] ?? '']?.label;
      return {
        pointer: r.pointer,
        keyword: 'attachment',
        message: unknownAttachmentMessage(language),
        ...(label ? { label } : {}),
      };
    });
  }
}
