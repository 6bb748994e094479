export {
  HemisphericReport,
  HEMISPHERIC_REPORT_STATUSES,
  type HemisphericReportStatus,
} from './hemispheric-report.entity';
export {
  computeHemisphericFigures,
  statusValuesOf,
  NOT_YET_RATED,
  type HemisphericFigures,
  type HemisphericLine,
  type HemisphericResponses,
  type StatusCounts,
} from './hemispheric-figures';
export type {
  HemisphericReportView,
  HemisphericAdoptionView,
  PublishedHemisphericSummary,
} from './hemispheric-report.view';
export { HemisphericReports, type HemisphericAdoptionInput } from './hemispheric-reports.service';
export { AnnualReports } from './annual-reports.service';
export {
  FIRST_REPORT_YEAR,
  type AnnualReport,
  type AnnualRound,
  type AnnualResponses,
  type AdoptedReport,
  type StateDesignations,
  type DesignationHolder,
} from './annual-report';
export { hemisphericHtml, hemisphericMarkdown, annualHtml, annualMarkdown } from './mechanism-report-render';
export { MechanismReportsModule } from './mechanism-reports.module';
export { MECHANISM_REPORT_RULES } from './mechanism-report-rules';
