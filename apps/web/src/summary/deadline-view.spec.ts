import { readDeadline } from './deadline-view';

describe("the deadline page's reading of the api's answer", () => {
  const answer = {
    id: 'd1',
    kind: 'state_response',
    title: null,
    stateCode: 'HTI',
    dueDate: '2026-09-30',
    timeZone: 'America/Port-au-Prince',
    status: 'open',
    subject: { type: 'state_evaluation', id: 'e1' },
  };

  it('keeps what the page shows, the status as a catalogue key and the evaluation it is about', () => {
    expect(readDeadline(answer)).toEqual({
      title: null,
      stateCode: 'HTI',
      dueDate: '2026-09-30',
      timeZone: 'America/Port-au-Prince',
      status: 'deadlineStatus.open',
      evaluationId: 'e1',
    });
  });

  it('names no evaluation for another subject, and never shows an unknown status as it came', () => {
    const read = readDeadline({ ...answer, status: 'frozen', subject: { type: 'ad_hoc_request', id: 'x' } });
    expect(read.evaluationId).toBeNull();
    expect(read.status).toBe('deadlineStatus.unknown');
  });

  it('refuses an answer without its due day', () => {
    expect(() => readDeadline({ ...answer, dueDate: undefined })).toThrow(/dueDate/);
    expect(() => readDeadline(null)).toThrow();
  });
});
