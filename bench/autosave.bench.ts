// Bytes an autosave puts on the wire: a person fills the largest section of the complete example
// answers (every text typed a character at a time, rows added as she goes, then a field cleared
// and a row deleted), through the app's own autosave (`DraftSaver`: coalescing, merge patches,
// If-Match versions) against an api that answers after a few milliseconds. Each save's request
// body (the JSON the client sends) is measured; the row is the largest one against the section's
// own JSON — what sending the whole section each time would cost at the least.
import fs from 'node:fs';
import path from 'node:path';
import { memoryDraftStore } from '../apps/web/src/drafts/draft-store';
import { DraftSaver, type DraftTransport } from '../apps/web/src/drafts/draft-saver';
import { applyMergePatch } from '../apps/web/src/drafts/merge-patch';
import { atMost, defineBenchmark } from './harness/benchmark';
import { clearAndDelete, typingSteps } from './autosave/typing';

type Json = Record<string, unknown>;
const ROOT = path.resolve(__dirname, '..');
const readJson = (file: string): Json => JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8')) as Json;
const bytes = (value: unknown): number => Buffer.byteLength(JSON.stringify(value));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The largest section (by its answers' JSON) of the example, and the document without it. */
function largestSection(): { theme: string; section: Json; rest: Json } {
  const schema = readJson('schemas/questionnaires/evaluation-round.schema.json') as {
    properties: Record<string, { 'x-theme'?: string }>;
  };
  const answers = readJson('schemas/examples/evaluation-round/valid-argentina-complete.json');
  const themeOf = (id: string) => schema.properties[id]?.['x-theme'] ?? '';
  const themes = [...new Set(Object.keys(answers).map(themeOf))];
  const sectionOf = (theme: string): Json =>
    Object.fromEntries(Object.entries(answers).filter(([id]) => themeOf(id) === theme));
  const theme = themes.reduce((a, b) => (bytes(sectionOf(a)) >= bytes(sectionOf(b)) ? a : b));
  const section = sectionOf(theme);
  const rest = Object.fromEntries(Object.entries(answers).filter(([id]) => !(id in section)));
  return { theme, section, rest };
}

export const autosaveBenchmark = defineBenchmark({
  name: 'autosave',
  comparisons: {
    bytesPerSave: {
      name: 'autosave request body vs the section JSON',
      workload: (smoke) =>
        `${smoke ? 'first 120 keystrokes' : 'the whole section typed'} into the largest section of the complete example, ` +
        'api answering in 5 ms; largest body of any save vs the section answers JSON',
      units: 'bytes',
      target: atMost(2),
    },
  },
  async run(ctx) {
    const { theme, section, rest } = largestSection();
    let server = { document: rest, version: 1 };
    const sent: number[] = [];
    const transport: DraftTransport = {
      read: () => Promise.resolve(server),
      patch: async (patch, version) => {
        sent.push(bytes(patch));
        await sleep(5);
        if (version !== server.version) throw new Error('412: the autosave raced itself');
        server = { document: applyMergePatch(server.document, patch) as Json, version: version + 1 };
        return { version: server.version, updatedAt: new Date().toISOString() };
      },
    };
    const saver = await DraftSaver.open(
      {
        userId: 'bench',
        evaluationId: 'bench',
        transport,
        store: memoryDraftStore(),
        delayMs: 2,
        maxWaitMs: 20,
        describe: () => ({ title: 'bench', pendingLabels: [] }),
      },
      server,
    );
    const steps = typingSteps(rest, section, ctx.smoke ? 120 : Infinity);
    const last = steps[steps.length - 1];
    for (const step of [...steps, ...clearAndDelete(last, section)]) {
      saver.edit(step);
      await sleep(1);
    }
    for (let i = 0; i < 500 && saver.snapshot.status !== 'saved'; i++) await sleep(5);
    if (saver.snapshot.status !== 'saved') throw new Error(`the autosave did not settle: ${saver.snapshot.status}`);
    const expected = saver.snapshot.local;
    if (bytes(server.document) !== bytes(expected)) throw new Error('the server does not hold what was typed');
    const mean = sent.reduce((a, b) => a + b, 0) / sent.length;
    ctx.log(
      `section ${theme}: ${bytes(section)} bytes of JSON, ${steps.length} keystrokes, ${sent.length} saves; ` +
        `body mean ${mean.toFixed(0)} bytes, max ${Math.max(...sent)} bytes`,
    );
    return { bytesPerSave: { ours: Math.max(...sent), baseline: bytes(section) } };
  },
});
