export { AuditModule } from './audit.module';
export { AuditService } from './audit.service';
export { auditInsertSql, type AuditInsertColumns } from './audit-insert';
export { AuditSealer, AUDIT_SEAL_BATCH } from './audit-sealer.service';
export { AuditEvent } from './audit-event.entity';
export {
  AUDIT_LIST_MAX_LIMIT,
  type AuditRecord,
  type AuditEventView,
  type AuditFilters,
  type AuditPageRequest,
  type AuditEventPage,
} from './audit-record';
export {
  verifyAuditChain,
  describeAuditChain,
  type AuditChainReport,
  type AuditChainBreak,
} from './verify-audit-chain';
export {
  auditHash,
  canonicalAuditContent,
  isoMicros,
  GENESIS_HASH,
  AUDIT_CHAIN_VERSION,
  type SealedContent,
} from './audit-chain';
