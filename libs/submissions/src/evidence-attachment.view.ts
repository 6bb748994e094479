import type { EvidenceAttachment } from './evidence-attachment.entity';

export interface EvidenceAttachmentView {
  id: string;
  evaluationId: string;
  stateCode: string;
  filename: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  uploadedBy: string;
  uploadedAt: string;
}

export const toAttachmentView = (a: EvidenceAttachment): EvidenceAttachmentView => ({
  id: a.id,
  evaluationId: a.evaluationId,
  stateCode: a.stateCode,
  filename: a.filename,
  mediaType: a.mediaType,
  sizeBytes: a.sizeBytes,
  sha256: a.sha256,
  uploadedBy: a.uploadedBy,
  uploadedAt: a.uploadedAt.toISOString(),
});
