/** One chunk of Vite's build manifest (dist/web/.vite/manifest.json). */
export interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
export type Manifest = Record<string, ManifestChunk>;

/**
 * The JS and CSS files the app loads from its entry, with the CSS of each. `lazy: false` follows
 * static imports only — what the shell fetches before any lazy page, so what a public page costs;
 * `lazy: true` adds every lazily imported page as well — an upper bound for the signed-in app,
 * whatever route it opens first.
 */
export function filesLoaded(manifest: Manifest, options: { lazy: boolean }, entryKey = 'index.html'): string[] {
  const files = new Set<string>();
  const seen = new Set<string>();
  const visit = (key: string): void => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`the manifest has no chunk ${key}`);
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
    for (const next of chunk.imports ?? []) visit(next);
    if (options.lazy) for (const next of chunk.dynamicImports ?? []) visit(next);
  };
  visit(entryKey);
  return [...files].filter((f) => /\.(js|css)$/.test(f)).sort();
}
