import type { Logger } from '@mesecvi/observability';

/**
 * On SIGTERM/SIGINT: stop taking work, let in-flight work finish, close connections; if that
 * takes longer than the timeout, exit anyway so an orchestrator is never blocked.
 */
export function shutDownOnSignals(close: () => Promise<void>, timeoutMs: number, logger: Logger): void {
  let closing = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'shutting down');
    const timer = setTimeout(() => {
      logger.error({ timeoutMs }, 'shutdown timed out, exiting');
      process.exit(1);
    }, timeoutMs);
    timer.unref();
    close()
      .then(() => {
        logger.info('stopped');
        process.exit(0);
      })
      .catch((e: unknown) => {
        logger.error({ err: e }, 'error while shutting down');
        process.exit(1);
      });
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
}
