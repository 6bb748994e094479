const row = {
  evaluationId: '5b7c1d2e-3f40-4a5b-8c6d-7e8f9a0b1c2d',
  round: {
    id: '0d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6',
    name: 'Fourth Multilateral Evaluation Round',
    kind: 'evaluation',
    number: 4,
    phase: 'open_for_responses',
  },
  stateCode: 'ARG',
  stateName: 'Argentina',
  status: 'submitted',
  timeliness: 'late',
  deadline: { dueDate: '2027-03-31', version: 2, status: 'completed' },
  extensions: 1,
  submittedAt: '2027-04-03T15:20:00.000Z',
  daysLate: 3,
  daysOverdue: null,
  remindersBeforeSubmission: 4,
  submissionVersions: 1,
  clarifications: { requested: 0, open: 0 },
  observations: null,
};

const totals = {
  states: 32,
  responded: 20,
  responseRate: 0.625,
  onTime: 14,
  onTimeRate: 0.4375,
  late: 6,
  overdue: 10,
  pending: 2,
  meanDaysLate: 6.5,
  medianDaysLate: 4,
};

export const complianceExample = {
  round: row.round,
  asOf: '2027-04-10T13:00:00.000Z',
  today: '2027-04-10',
  rows: [row],
  totals,
  alerts: { failedMails: 0 },
};
export const historyExample = {
  stateCode: 'ARG',
  stateName: 'Argentina',
  asOf: '2027-04-10T13:00:00.000Z',
  rounds: [row],
  totals: {
    ...totals,
    states: 3,
    responded: 3,
    responseRate: 1,
    onTime: 2,
    onTimeRate: 0.6667,
    late: 1,
    overdue: 0,
    pending: 0,
    meanDaysLate: 3,
    medianDaysLate: 3,
  },
};
