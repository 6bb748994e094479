const FALLBACK_DOMAIN = 'mesecvi.platform';

/**
 * The Message-ID of an outbox row, fixed when it is staged: a re-send after a crash carries the
 * same id, so the receiving side (and a reader of the ledger) can recognise the duplicate.
 * The right-hand side is the sender's domain, as RFC 5322 recommends.
 */
export function messageIdFor(outboxId: string, mailFrom: string): string {
  const domain = /@([A-Za-z0-9.-]+)>?\s*$/.exec(mailFrom)?.[1] ?? FALLBACK_DOMAIN;
  return `<${outboxId}@${domain}>`;
}
