export { testEnv, type TestEnv } from './test-env';
export { services, type RunningService } from './services';
export { createSuiteDatabase, type SuiteDatabase } from './suite-database';
export { testConfig } from './test-config';
export { startTestApi, type TestApi } from './test-api';
export { startTestWorker } from './test-worker';
export { waitFor, sleep } from './wait';
export { waitForQueuesToDrain } from './queues';
export { MailSink, type ReceivedMail } from './mail-sink';
