/** A seat holder as the annual report lists them (the committee and the secretariat read it; states cannot). */
export interface DesignationHolder {
  name: string;
  /** `appointment`: a recorded formal notification; `account`: only the focal point's platform account. */
  source: 'appointment' | 'account';
  termStart: string | null;
  termEnd: string | null;
  noteReference: string | null;
  /** For a focal point known by its account: invited (not signed in yet) or active. */
  accountStatus: string | null;
}

export interface StateDesignations {
  stateCode: string;
  stateName: string;
  titular: DesignationHolder | null;
  alternate: DesignationHolder | null;
  focalPoint: DesignationHolder | null;
  /** The seats a state must fill that are empty on the report's date (the alternate is optional). */
  missing: Array<'titular' | 'focal_point'>;
}

export interface AnnualRound {
  id: string;
  name: string;
  kind: 'evaluation' | 'follow_up';
  number: number;
  /** The phase on the report's date (from the round's audited phase changes); `currentPhase` is today's. */
  phase: string;
  currentPhase: string;
  closedInYear: boolean;
  invited: number;
  /** First submissions received by the report's date, on time or late as the compliance view counts them. */
  responded: number;
  onTime: number;
  late: number;
}

export interface AnnualResponses {
  roundId: string;
  roundName: string;
  kind: 'evaluation' | 'follow_up';
  /** First submissions (version 1) received during the year. */
  received: number;
  onTime: number;
  late: number;
  /** Later versions (answers to clarification requests) received during the year. */
  laterVersions: number;
}

export interface AdoptedReport {
  kind: 'country' | 'hemispheric';
  id: string;
  symbol: string;
  adoptedOn: string;
  status: string;
  roundName: string;
  /** Null for a hemispheric report. */
  stateCode: string | null;
}

export interface AnnualReport {
  year: number;
  /** Designations and round phases are as of this date: 31 December, or today in the current year. */
  asOf: string;
  generatedAt: string;
  designations: StateDesignations[];
  designationTotals: { states: number; titular: number; alternate: number; focalPoint: number; complete: number };
  rounds: AnnualRound[];
  responses: AnnualResponses[];
  responseTotals: { received: number; onTime: number; late: number; laterVersions: number };
  reportsAdopted: AdoptedReport[];
}

/** The statute of the mechanism was approved on 26 October 2004: no annual report before that year. */
export const FIRST_REPORT_YEAR = 2004;
