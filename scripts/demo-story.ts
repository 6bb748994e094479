// `npm run demo:story -- <step>`: drives the running demo (`npm run demo`) through its HTTP API to
// a starting point — distribute, submit-arg, review or report, each with the steps before it.
// Safe to run again: what is already there is said and left alone. Honours DEMO_API_PORT and
// DEMO_MAIL_WEB_PORT like the demo.
import { DemoNotRunning, HttpFailure, isStep, runStory, STEPS } from './demo-story/index';

const apiPort = Number(process.env.DEMO_API_PORT ?? 3000);
const mailPort = Number(process.env.DEMO_MAIL_WEB_PORT ?? 1080);
const baseUrl = `http://localhost:${apiPort}`;

async function main(): Promise<number> {
  const step = process.argv[2];
  if (!step || !isStep(step)) {
    console.error(
      `${step ? `unknown step "${step}"` : 'which step?'}: npm run demo:story -- <step>, one of ${STEPS.join(', ')}`,
    );
    return 1;
  }
  // Before anything else: is the demo answering at all?
  await fetch(`${baseUrl}/health`).catch(() => {
    throw new DemoNotRunning(baseUrl);
  });
  const result = await runStory(step, {
    baseUrl,
    mailInboxUrl: `http://localhost:${mailPort}`,
    log: (line) => console.log(line),
  });
  console.log(`\nDone: ${step}. Next:`);
  for (const line of result.next) console.log(`  - ${line}`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    if (e instanceof HttpFailure) {
      const { code, detail, ...rest } = e.problem;
      console.error(`${e.method} ${e.path} failed: ${e.status}`);
      if (code) console.error(`  code:   ${code}`);
      if (detail) console.error(`  detail: ${detail}`);
      // The rule-specific fields of a 409 or the field errors of a 422 say what to fix.
      const extra = Object.entries(rest).filter(
        ([k]) => !['type', 'title', 'status', 'instance', 'requestId'].includes(k),
      );
      if (extra.length > 0) console.error(`  ${JSON.stringify(Object.fromEntries(extra))}`);
    } else {
      console.error(e instanceof Error ? e.message : String(e));
    }
    process.exit(1);
  },
);
