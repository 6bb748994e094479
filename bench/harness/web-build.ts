import path from 'node:path';

/** scripts/lib/web-build.js: builds the web app into `outDir` unless the build there matches its sources. */
interface WebBuildScript {
  ensureWebBuild(opts: { log(message: string): void }): { built: boolean; seconds: number };
  outDir: string;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the CommonJS build helper of scripts/, shared with npm test and the demo
export const webBuild = require(
  path.resolve(__dirname, '..', '..', 'scripts', 'lib', 'web-build.js'),
) as WebBuildScript;
