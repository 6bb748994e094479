import { parseComplianceDocs } from './compliance.repository';

describe('the read model rows, named', () => {
  it('names each value of a stored doc in the order the trigger function writes them', () => {
    // As migration EvaluationCompliance writes a doc, with the state's name appended.
    const text = JSON.stringify([
      [
        'e1',
        'ARG',
        'submitted',
        '2026-05-01',
        2,
        'open',
        'America/Argentina/Buenos_Aires',
        1,
        '2026-05-03T12:00:00.000Z',
        false,
        2,
        3,
        4,
        5,
        6,
        'Argentina',
      ],
    ]);
    expect(parseComplianceDocs(text)).toEqual([
      {
        evaluationId: 'e1',
        stateCode: 'ARG',
        status: 'submitted',
        dueDate: '2026-05-01',
        deadlineVersion: 2,
        deadlineStatus: 'open',
        timeZone: 'America/Argentina/Buenos_Aires',
        extensions: 1,
        submittedAt: '2026-05-03T12:00:00.000Z',
        onTime: false,
        daysLate: 2,
        remindersSent: 3,
        versions: 4,
        clarifications: 5,
        openClarifications: 6,
        stateName: 'Argentina',
      },
    ]);
  });
});
