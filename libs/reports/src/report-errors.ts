import {
  DomainError,
  fieldInvalid,
  rethrowConstraintAsConflict,
  ruleConflict,
  type ConstraintRules,
} from '@mesecvi/errors';
import type { Precondition } from '@mesecvi/http';

export { fieldInvalid, ruleConflict };

/** If-Match on a report: missing → 428, stale → 412, each with the current ETag. */
export function checkIfMatch(precondition: Precondition, version: number): void {
  const etag = `"${version}"`;
  if (precondition.version(version) !== version)
    throw new DomainError('precondition_failed', 'The report changed since you read it; reload it.', {
      headers: { etag },
      extensions: { currentEtag: etag },
    });
}

const CONSTRAINT_RULES: ConstraintRules = {
  UQ_country_report_evaluation: ['report_exists', 'This evaluation already has a country report.'],
  UQ_country_report_symbol: ['symbol_taken', 'Another report already has this document symbol.'],
  // Raised by the document_symbol_unique trigger: the symbol is a hemispheric (or country) report's.
  UQ_document_symbol: ['symbol_taken', 'Another report already has this document symbol.'],
};

export const rethrowAsReportConflict = (e: unknown): never => rethrowConstraintAsConflict(e, CONSTRAINT_RULES);
