import { DomainError } from '@mesecvi/errors';

export const ruleConflict = (rule: string, message: string, extensions: Record<string, unknown> = {}): DomainError =>
  new DomainError('conflict', message, { extensions: { rule, ...extensions } });

export const fieldInvalid = (pointer: string, message: string, rule: string): DomainError =>
  new DomainError('validation_failed', message, { errors: [{ pointer, keyword: rule, message }], extensions: { rule } });

/** If-Match on a report: missing → 428, stale → 412 with the current ETag. */
export function checkIfMatch(ifMatch: string | undefined, version: number): void {
  const etag = `"${version}"`;
  if (!ifMatch) throw new DomainError('precondition_required', 'Send If-Match with the report’s ETag.', { headers: { etag }, extensions: { currentEtag: etag } });
  if (ifMatch.replace(/^W\//, '') !== etag) throw new DomainError('precondition_failed', 'The report changed since you read it; reload it.', { headers: { etag }, extensions: { currentEtag: etag } });
}

const CONSTRAINT_RULES: Record<string, [string, string]> = {
  UQ_country_report_evaluation: ['report_exists', 'This evaluation already has a country report.'],
  UQ_country_report_symbol: ['symbol_taken', 'Another report already has this document symbol.'],
  // Raised by the document_symbol_unique trigger: the symbol is a hemispheric (or country) report's.
  UQ_document_symbol: ['symbol_taken', 'Another report already has this document symbol.'],
};

export function rethrowAsReportConflict(e: unknown): never {
  const err = e as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } };
  const code = err.driverError?.code ?? err.code;
  const constraint = err.driverError?.constraint ?? err.constraint;
  if (code === '23505' && constraint && CONSTRAINT_RULES[constraint]) {
    const [rule, message] = CONSTRAINT_RULES[constraint];
    throw ruleConflict(rule, message);
  }
  throw e;
}
