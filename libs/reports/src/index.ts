export {
  CountryReport,
  REPORT_STATUSES,
  ADOPTION_METHODS,
  type ReportStatus,
  type AdoptionMethod,
} from './country-report.entity';
export { ReportObservation } from './report-observation.entity';
export { CountryReportCorrigendum } from './country-report-corrigendum.entity';
export { DocumentSymbolCounter } from './document-symbol-counter.entity';
export { formatSymbol, nextSymbolNumber } from './document-symbol';
export { REPORT_RULES } from './report-rules';
export { reportHtml, reportMarkdown } from './report-render';
export type { CountryReportView, ObservationView } from './country-report.view';
export { CountryReports, type ReportDraftInput } from './country-reports.service';
export { ReportDecisions, type ObservationsInput, type AdoptionInput } from './report-decisions.service';
export { PublicReports, PublishedReportSummarySchema, type PublishedReportSummary } from './public-reports.service';
export { Corrigenda, type CorrigendumInput } from './corrigenda.service';
export { ReportsModule } from './reports.module';
