import { readDeadline } from './deadline-view';

describe("the deadline page's reading of the api's answer", () => {
  const answer = {
    id: 'd1',
    kind: 'state_response',
    title: null,
    titleTranslations: null,
    stateCode: 'HTI',
    dueDate: '2026-09-30',
    timeZone: 'America/Port-au-Prince',
    status: 'open',
    subject: { type: 'state_evaluation', id: 'e1' },
  };

  it('keeps what the page shows, the status as a catalogue key and the evaluation it is about', () => {
    expect(readDeadline(answer, 'fr')).toEqual({
      title: null,
      stateCode: 'HTI',
      dueDate: '2026-09-30',
      timeZone: 'America/Port-au-Prince',
      status: 'deadlineStatus.open',
      evaluationId: 'e1',
    });
  });

  it("gives the title in the reader's language, else the English one", () => {
    const adHoc = { ...answer, title: 'Send the report', titleTranslations: { fr: 'Envoyer le rapport' } };
    expect(readDeadline(adHoc, 'fr').title).toBe('Envoyer le rapport');
    expect(readDeadline(adHoc, 'es').title).toBe('Send the report');
  });

  it('names no evaluation for another subject, and never shows an unknown status as it came', () => {
    const read = readDeadline({ ...answer, status: 'frozen', subject: { type: 'ad_hoc_request', id: 'x' } }, 'en');
    expect(read.evaluationId).toBeNull();
    expect(read.status).toBe('deadlineStatus.unknown');
  });

  it('refuses an answer without its due day', () => {
    expect(() => readDeadline({ ...answer, dueDate: undefined }, 'en')).toThrow(/dueDate/);
    expect(() => readDeadline(null, 'en')).toThrow();
  });
});
