import { createHash } from 'node:crypto';

/**
 * The hash chain's definition on the TypeScript side. The `audit_seal()` SQL function computes
 * the same thing in PostgreSQL; the verifier recomputes it here, so the two implementations
 * check each other. Changing anything below means a new chain version.
 */
export const AUDIT_CHAIN_VERSION = 'mesecvi-audit-v1';

/** `prev_hash` of the first sealed row. */
export const GENESIS_HASH = '0'.repeat(64);

/** The content columns of a sealed row, as their PostgreSQL text forms. */
export interface SealedContent {
  sealSeq: string;
  id: string;
  /** `occurred_at` as whole microseconds since the Unix epoch (PostgreSQL keeps microseconds). */
  occurredAtMicros: string;
  actorUserId: string | null;
  actorRole: string | null;
  action: string;
  entityType: string;
  entityId: string;
  /** `summary::text`: jsonb prints in one normalised form (sorted keys, fixed spacing). */
  summaryText: string;
  requestId: string | null;
}

/** Netstring framing (`<bytes>:<value>,`, `~` for null): unambiguous whatever the values contain. */
function frame(value: string | null): string {
  return value === null ? '~' : `${Buffer.byteLength(value, 'utf8')}:${value},`;
}

/** `2026-03-01T12:00:00.123456Z`, the same text `to_char(… 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')` gives. */
export function isoMicros(epochMicros: string): string {
  const micros = BigInt(epochMicros);
  let ms = micros / 1000n;
  let rest = micros % 1000n;
  if (rest < 0n) {
    rest += 1000n;
    ms -= 1n;
  }
  const iso = new Date(Number(ms)).toISOString(); // …SS.mmmZ
  return `${iso.slice(0, -1)}${rest.toString().padStart(3, '0')}Z`;
}

export function canonicalAuditContent(c: SealedContent): string {
  return [
    AUDIT_CHAIN_VERSION,
    c.sealSeq,
    c.id,
    isoMicros(c.occurredAtMicros),
    c.actorUserId,
    c.actorRole,
    c.action,
    c.entityType,
    c.entityId,
    c.summaryText,
    c.requestId,
  ]
    .map(frame)
    .join('');
}

/** sha256(prev_hash ‖ canonical content), lower-case hex. */
export function auditHash(prevHash: string, content: SealedContent): string {
  return createHash('sha256')
    .update(prevHash + canonicalAuditContent(content), 'utf8')
    .digest('hex');
}
