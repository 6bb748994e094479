import {
  DomainError,
  fieldInvalid,
  rethrowConstraintAsConflict,
  ruleConflict,
  type ConstraintRules,
} from '@mesecvi/errors';
import type { Precondition } from '@mesecvi/http';
import { REPORT_RULES } from './report-rules';

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
  UQ_country_report_evaluation: REPORT_RULES.report_exists,
  UQ_country_report_symbol: REPORT_RULES.symbol_taken,
  // Raised by the document_symbol_unique trigger: the symbol is a hemispheric (or country) report's.
  UQ_document_symbol: REPORT_RULES.symbol_taken,
};

export const rethrowAsReportConflict = (e: unknown): never => rethrowConstraintAsConflict(e, CONSTRAINT_RULES);
