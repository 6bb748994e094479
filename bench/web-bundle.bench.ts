// The web app's bundle: gzip bytes of the JS and CSS that `/` and `/sign-in` load, found by
// walking Vite's manifest, against the 150 KB budget those public pages must stay under.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { atMost, defineBenchmark } from './harness/benchmark';
import { filesLoaded, type Manifest } from './web-bundle/manifest-walk';

/** The budget of a public page (the first a person opens, often on a slow line): 150 KB gzip. */
export const PUBLIC_PAGE_BUDGET_BYTES = 150 * 1024;
/** The questionnaire's pages (task list, section form and its library): loaded only when opened. */
export const QUESTIONNAIRE_ROUTE_BUDGET_BYTES = 350 * 1024;
const QUESTIONNAIRE_CHUNKS = ['src/questionnaire/section-page.tsx', 'src/questionnaire/task-list.tsx'];
const ROOT = path.resolve(__dirname, '..');

interface WebBuildScript {
  ensureWebBuild(opts: { log(message: string): void }): { built: boolean; seconds: number };
  outDir: string;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the CommonJS build helper of scripts/, shared with npm test and the demo
const webBuild = require(path.join(ROOT, 'scripts', 'lib', 'web-build.js')) as WebBuildScript;

/** A file's size as served: its precompressed `.gz` when the build wrote one. */
function gzipBytes(file: string): number {
  if (fs.existsSync(`${file}.gz`)) return fs.statSync(`${file}.gz`).size;
  return zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
}

const workload = (route: string) =>
  `${route}: JS + CSS from the Vite manifest (entry, imports, lazy pages), gzip; baseline = budget`;

export const webBundleBenchmark = defineBenchmark({
  name: 'web-bundle',
  comparisons: {
    home: { name: 'public home bundle vs 150 KB budget', workload: workload('/'), units: 'bytes', target: atMost(1) },
    signIn: {
      name: 'sign-in bundle vs 150 KB budget',
      workload: workload('/sign-in'),
      units: 'bytes',
      target: atMost(1),
    },
    questionnaire: {
      name: 'questionnaire section bundle vs 350 KB budget',
      workload: `/app/evaluations/{id}/sections/{theme}: the app's bundle with the form library, gzip; baseline = budget`,
      units: 'bytes',
      target: atMost(1),
    },
  },
  // eslint-disable-next-line @typescript-eslint/require-await -- the harness awaits every benchmark; this one only reads files
  async run(ctx) {
    webBuild.ensureWebBuild({ log: (m) => ctx.log(m) });
    const manifest = JSON.parse(
      fs.readFileSync(path.join(webBuild.outDir, '.vite', 'manifest.json'), 'utf8'),
    ) as Manifest;
    const bytesOf = (files: string[]) =>
      files.reduce((sum, file) => sum + gzipBytes(path.join(webBuild.outDir, file)), 0);
    // One shell serves every route and each loads what the entry reaches, so both public rows walk
    // the same graph; the questionnaire's pages, lazily loaded, have their own budget.
    const files = filesLoaded(manifest, 'index.html', QUESTIONNAIRE_CHUNKS);
    const bytes = bytesOf(files);
    ctx.log(`web bundle: ${files.length} files, ${bytes} bytes gzip (budget ${PUBLIC_PAGE_BUDGET_BYTES})`);
    const questionnaireFiles = [
      ...new Set([...files, ...QUESTIONNAIRE_CHUNKS.flatMap((chunk) => filesLoaded(manifest, chunk))]),
    ];
    const questionnaireBytes = bytesOf(questionnaireFiles);
    ctx.log(`questionnaire section: ${questionnaireFiles.length} files, ${questionnaireBytes} bytes gzip`);
    const figures = { ours: bytes, baseline: PUBLIC_PAGE_BUDGET_BYTES };
    return {
      home: figures,
      signIn: figures,
      questionnaire: { ours: questionnaireBytes, baseline: QUESTIONNAIRE_ROUTE_BUDGET_BYTES },
    };
  },
});
