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
 * Every JS and CSS file a page of the app may load: the entry, what it imports, what those import
 * lazily (a route's page) and the CSS of each — an upper bound, so a route under the budget here
 * is under it in the browser whatever it opens first. Chunks named in `apart` (a route with a
 * budget of its own) are left out, unless one is the entry.
 */
export function filesLoaded(manifest: Manifest, entryKey = 'index.html', apart: readonly string[] = []): string[] {
  const files = new Set<string>();
  const seen = new Set<string>();
  const visit = (key: string): void => {
    if (seen.has(key) || (key !== entryKey && apart.includes(key))) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`the manifest has no chunk ${key}`);
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
    for (const next of [...(chunk.imports ?? []), ...(chunk.dynamicImports ?? [])]) visit(next);
  };
  visit(entryKey);
  return [...files].filter((f) => /\.(js|css)$/.test(f)).sort();
}
