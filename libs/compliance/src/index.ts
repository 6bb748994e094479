export { ComplianceModule } from './compliance.module';
export { ComplianceService } from './compliance.service';
export { complianceSql, type ComplianceScope } from './compliance-sql';
export { ROUND_SUMMARY_SQL, STATE_SUMMARY_SQL, parseComplianceDocs } from './compliance.repository';
export { EvaluationCompliance, EvaluationCompliancePending, RoundCompliance } from './evaluation-compliance.entity';
export { complianceCsv, complianceXlsx, COMPLIANCE_COLUMNS } from './compliance-export';
export { ledgerCsv, LEDGER_EXPORT_MAX_ROWS } from './ledger-csv';
export { toCsv, type CsvCell } from './csv';
export { mergeChanged, roundView, type RoundView } from './parsed-rounds';
export {
  toComplianceRow,
  toComplianceTotals,
  fromComplianceDoc,
  overdueCounter,
  summaryTotals,
  type ComplianceDoc,
  type ComplianceSqlRow,
  type ComplianceSqlTotals,
} from './compliance.view';
export type {
  ComplianceDashboard,
  ComplianceHistory,
  ComplianceRow,
  ComplianceTotals,
  Timeliness,
  ObservationsStage,
} from './compliance.view';
export { WeeklyDigest, type DigestRun } from './digest/weekly-digest.service';
export { latestDigestMoment, nextDigestMoment, isoWeekday, type DigestMoment } from './digest/digest-moment';
export { OperationsSnapshot, type DeliveryHealth, type QueuesSnapshot } from './operations/operations-snapshot.service';
export {
  ComplianceDashboardSchema,
  ComplianceHistorySchema,
  ComplianceRowSchema,
  ComplianceTotalsSchema,
} from './compliance.schemas';
