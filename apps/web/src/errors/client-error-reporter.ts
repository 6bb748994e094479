/** What the api's log receives about an error in the page. */
export interface ClientErrorReport {
  message: string;
  stack?: string;
  url: string;
  requestId?: string;
  userAgent?: string;
}

/** At most this many distinct errors from one page load: a loop of failures must not flood the log. */
export const MAX_REPORTS_PER_PAGE = 10;
const MAX_TEXT = 4000;

/**
 * Sends each distinct error of the page to the api once: the same message thrown from the same
 * place again (a render loop, a retried call) is not sent again. Reporting never throws.
 */
export class ClientErrorReporter {
  private readonly sent = new Set<string>();

  constructor(
    private readonly send: (report: ClientErrorReport) => Promise<unknown>,
    private readonly where: () => { url: string; userAgent?: string },
  ) {}

  report(error: unknown, requestId?: string): void {
    const { message, stack } = describe(error);
    const key = `${message}\n${stack?.split('\n').slice(0, 2).join('\n') ?? ''}`;
    if (this.sent.has(key) || this.sent.size >= MAX_REPORTS_PER_PAGE) return;
    this.sent.add(key);
    const report: ClientErrorReport = { message: message.slice(0, MAX_TEXT), ...this.where() };
    if (stack) report.stack = stack.slice(0, MAX_TEXT);
    if (requestId) report.requestId = requestId;
    this.send(report).catch(() => undefined);
  }
}

function describe(error: unknown): { message: string; stack?: string } {
  if (error instanceof Error) return { message: `${error.name}: ${error.message}`, stack: error.stack };
  return { message: typeof error === 'string' ? error : (JSON.stringify(error) ?? String(error)) };
}
