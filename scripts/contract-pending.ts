// `npm run contract:pending`: prints the pending list of the contract check that the last
// `npm test` supports (tests/contract/pending-operations.json as it should read), and what differs
// from the committed one. It never writes the file: copy the output in by hand, so the list
// cannot grow unseen. Only a run of every suite can shorten it for operations it did not exercise.
import path from 'node:path';
import { readPending, readRun } from '../tests/contract/run-records';
import { summarize } from '../tests/contract/run-summary';

const dir = process.env.CONTRACT_RUN_DIR ?? path.join(__dirname, '..', '.data', 'contract-run');
const run = readRun(dir);
if (run.responses.length === 0) {
  console.error(`no contract records in ${dir}: run \`npm test\` first`);
  process.exit(1);
}
const pending = readPending();
const { wouldBe } = summarize(pending, run.responses, run.operations);
process.stdout.write(`${JSON.stringify(wouldBe, null, 2)}\n`);
const added = wouldBe.filter((op) => !pending.includes(op));
const removed = pending.filter((op) => !wouldBe.includes(op));
console.error(
  `[contract] committed ${pending.length}, supported ${wouldBe.length}: -${removed.length} +${added.length}`,
);
for (const op of removed) console.error(`  - ${op}`);
for (const op of added) console.error(`  + ${op}`);
