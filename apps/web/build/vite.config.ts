import path from 'node:path';
import { defineConfig } from 'vite';
import { BUILD_TARGET } from './browser-support.ts';
import { precompress } from './precompress.ts';

const root = path.resolve(import.meta.dirname, '..');
const repo = path.resolve(root, '../..');
/** Hashed files live inside the app's own `/app/…` subtree, so they take no path of the api. */
const ASSETS_DIR = 'app/assets';

export default defineConfig({
  root,
  base: '/',
  // Vite's own JSX transform (oxc), with React's automatic runtime.
  oxc: { jsx: { runtime: 'automatic' } },
  resolve: {
    alias: {
      '@mesecvi/api-client': path.join(repo, 'libs/api-client/src/index.ts'),
      '@mesecvi/web-links': path.join(repo, 'libs/web-links/src/index.ts'),
    },
  },
  build: {
    outDir: path.join(repo, 'dist/web'),
    emptyOutDir: true,
    assetsDir: ASSETS_DIR,
    manifest: true,
    target: BUILD_TARGET,
    // Everything the two public pages load is counted against the bundle budget; no source maps shipped.
    sourcemap: false,
    rolldownOptions: {
      onLog(level, log, handler) {
        // Mantine marks its modules "use client" for server rendering, which a browser bundle has no use for.
        if (log.code === 'MODULE_LEVEL_DIRECTIVE') return;
        handler(level, log);
      },
    },
  },
  plugins: [precompress(ASSETS_DIR)],
  server: {
    port: Number(process.env.WEB_DEV_PORT ?? 5173),
    // `npm run dev:web`: the app with hot reload; every path outside the app's own space is the api.
    proxy: {
      '^/(?!$|sign-in|app|publications|src/|@|node_modules/).*': {
        target: process.env.API_URL ?? 'http://localhost:3000',
        changeOrigin: false,
      },
    },
  },
});
