import { ClientErrorReporter, MAX_REPORTS_PER_PAGE, type ClientErrorReport } from './client-error-reporter';

function reporter(send: (r: ClientErrorReport) => Promise<unknown> = () => Promise.resolve()) {
  const reports: ClientErrorReport[] = [];
  const instance = new ClientErrorReporter(
    (r) => {
      reports.push(r);
      return send(r);
    },
    () => ({ url: 'https://platform.test/app', userAgent: 'Chromium' }),
  );
  return { instance, reports };
}

describe('reporting errors of the page to the api', () => {
  it('sends an error once with where it happened, and the same error again not at all', () => {
    const { instance, reports } = reporter();
    const error = new TypeError('x is undefined');
    instance.report(error, 'req-1');
    instance.report(error);
    instance.report('a rejected promise without an Error');
    expect(reports).toHaveLength(2);
    expect(reports[0]).toMatchObject({
      message: 'TypeError: x is undefined',
      url: 'https://platform.test/app',
      userAgent: 'Chromium',
      requestId: 'req-1',
    });
    expect(reports[0].stack).toContain('client-error-reporter.spec');
    expect(reports[1]).toEqual({
      message: 'a rejected promise without an Error',
      url: 'https://platform.test/app',
      userAgent: 'Chromium',
    });
  });

  it('stops after a handful of distinct errors, and a failing send never throws', () => {
    const { instance, reports } = reporter(() => Promise.reject(new Error('429')));
    for (let i = 0; i < MAX_REPORTS_PER_PAGE + 5; i++) instance.report(new Error(`failure ${i}`));
    expect(reports).toHaveLength(MAX_REPORTS_PER_PAGE);
  });
});
