// The web app's bundle: gzip bytes of the JS and CSS found by walking Vite's manifest. `/` and
// `/sign-in` load the shell and its static imports (150 KB budget: the first page a person opens,
// often on a slow line); the signed-in app adds its lazy pages (350 KB budget, the questionnaire's).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { atMost, defineBenchmark } from './harness/benchmark';
import { filesLoaded, type Manifest } from './web-bundle/manifest-walk';

/** The budget of a public page (the first a person opens, often on a slow line): 150 KB gzip. */
export const PUBLIC_PAGE_BUDGET_BYTES = 150 * 1024;
/** The budget of the signed-in app with every lazy page, the questionnaire's included: 350 KB gzip. */
export const SIGNED_IN_APP_BUDGET_BYTES = 350 * 1024;
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

const publicWorkload = (route: string) =>
  `${route}: JS + CSS of the shell and its static imports (Vite manifest), gzip; baseline = 150 KB budget`;

export const webBundleBenchmark = defineBenchmark({
  name: 'web-bundle',
  comparisons: {
    home: {
      name: 'public home bundle vs 150 KB budget',
      workload: publicWorkload('/'),
      units: 'bytes',
      target: atMost(1),
    },
    signIn: {
      name: 'sign-in bundle vs 150 KB budget',
      workload: publicWorkload('/sign-in'),
      units: 'bytes',
      target: atMost(1),
    },
    signedIn: {
      name: 'signed-in app with every lazy page vs 350 KB budget',
      workload: '/app/…: the shell, its static imports and every lazy page (Vite manifest), gzip; baseline = budget',
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
    // One shell serves every route: the public pages are in its static graph, the signed-in ones lazy.
    const bytesOf = (lazy: boolean): number => {
      const files = filesLoaded(manifest, { lazy });
      const bytes = files.reduce((sum, file) => sum + gzipBytes(path.join(webBuild.outDir, file)), 0);
      ctx.log(`web bundle (${lazy ? 'with' : 'without'} lazy pages): ${files.length} files, ${bytes} bytes gzip`);
      return bytes;
    };
    const publicPage = { ours: bytesOf(false), baseline: PUBLIC_PAGE_BUDGET_BYTES };
    return {
      home: publicPage,
      signIn: publicPage,
      signedIn: { ours: bytesOf(true), baseline: SIGNED_IN_APP_BUDGET_BYTES },
    };
  },
});
