import type { EvidenceAttachment } from './evidence-attachment.entity';

import type { EvidenceAttachmentView } from './submission.schemas';

export type { EvidenceAttachmentView } from './submission.schemas';

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
