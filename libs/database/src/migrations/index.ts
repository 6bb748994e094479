import { Foundation1795402374334 } from './1795402374334-Foundation';
import { StatesAndAccounts1795402380000 } from './1795402380000-StatesAndAccounts';
import { AuditLog1795402400000 } from './1795402400000-AuditLog';
import { OutboxMessage1795402500000 } from './1795402500000-OutboxMessage';
import { OutboxLedgerEntries1795402641000 } from './1795402641000-OutboxLedgerEntries';
import { DeadlinesAndReminders1795402642000 } from './1795402642000-DeadlinesAndReminders';
import { QuestionnaireVersions1795402750000 } from './1795402750000-QuestionnaireVersions';
import { AppointmentsAndCommittee1795402800000 } from './1795402800000-AppointmentsAndCommittee';
import { Rounds1795402900000 } from './1795402900000-Rounds';
import { Submissions1795403100000 } from './1795403100000-Submissions';
import { RapporteurAssignments1795403400000 } from './1795403400000-RapporteurAssignments';
import { ReviewComments1795403500000 } from './1795403500000-ReviewComments';
import { CountryReports1795403600000 } from './1795403600000-CountryReports';
import { ObservationAttachments1795403700000 } from './1795403700000-ObservationAttachments';
import { RecommendationFollowUp1795403800000 } from './1795403800000-RecommendationFollowUp';
import { EvaluationCompliance1795404200000 } from './1795404200000-EvaluationCompliance';
import { HemisphericReports1795404500000 } from './1795404500000-HemisphericReports';
import { DocumentSymbolAcrossReports1795404600000 } from './1795404600000-DocumentSymbolAcrossReports';
import { RoundComplianceByLanguage1795404700000 } from './1795404700000-RoundComplianceByLanguage';
import { AccountChangeNotify1795404800000 } from './1795404800000-AccountChangeNotify';
import { ComplianceChangeSequence1795404900000 } from './1795404900000-ComplianceChangeSequence';
import { DeadlineTitleTranslations1795405000000 } from './1795405000000-DeadlineTitleTranslations';
import { ReviewDueDates1795405240000 } from './1795405240000-ReviewDueDates';

// Every migration, in order. A test checks that each file of this folder is listed here.
export const MIGRATIONS: Array<new () => unknown> = [
  Foundation1795402374334,
  StatesAndAccounts1795402380000,
  AuditLog1795402400000,
  OutboxMessage1795402500000,
  OutboxLedgerEntries1795402641000,
  DeadlinesAndReminders1795402642000,
  QuestionnaireVersions1795402750000,
  AppointmentsAndCommittee1795402800000,
  Rounds1795402900000,
  Submissions1795403100000,
  RapporteurAssignments1795403400000,
  ReviewComments1795403500000,
  CountryReports1795403600000,
  ObservationAttachments1795403700000,
  RecommendationFollowUp1795403800000,
  EvaluationCompliance1795404200000,
  HemisphericReports1795404500000,
  DocumentSymbolAcrossReports1795404600000,
  RoundComplianceByLanguage1795404700000,
  AccountChangeNotify1795404800000,
  ComplianceChangeSequence1795404900000,
  DeadlineTitleTranslations1795405000000,
  ReviewDueDates1795405240000,
];
