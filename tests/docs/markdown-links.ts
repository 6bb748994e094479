// Relative links of Markdown files, and whether each resolves: the file (or folder) exists and,
// with a `#fragment`, the target has a heading whose GitHub anchor is that fragment.
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export interface BrokenLink {
  file: string;
  line: number;
  target: string;
  reason: string;
}

/** The text with fenced code blocks blanked (lines kept, so line numbers stay right). */
function withoutCodeBlocks(text: string): string[] {
  let fence: string | null = null;
  return text.split('\n').map((line) => {
    const marker = /^\s*(```+|~~~+)/.exec(line)?.[1];
    if (fence) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length) fence = null;
      return '';
    }
    if (marker) {
      fence = marker;
      return '';
    }
    return line;
  });
}

/** Link targets of one line: `[text](target)` and `![alt](target)`, outside inline code. */
function targetsOf(line: string): string[] {
  const prose = line.replace(/`[^`]*`/g, '');
  return [...prose.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1]);
}

/** GitHub's anchor for a heading's text: lower case, punctuation dropped, spaces to hyphens. */
export function githubSlug(heading: string): string {
  const text = heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1') // a link's text
    .replace(/<[^>]+>/g, '') // inline HTML
    .replace(/`/g, '');
  return text
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** Every anchor a Markdown text defines: one per heading (repeats get -1, -2, …) and HTML ids. */
export function anchorsOf(text: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const line of withoutCodeBlocks(text)) {
    const heading = /^ {0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line)?.[1];
    if (heading !== undefined) {
      const slug = githubSlug(heading);
      const n = seen.get(slug) ?? 0;
      seen.set(slug, n + 1);
      anchors.add(n === 0 ? slug : `${slug}-${n}`);
    }
    for (const m of line.matchAll(/<a\s+(?:id|name)="([^"]+)"/g)) anchors.add(m[1]);
  }
  return anchors;
}

/** The broken relative links of one Markdown file (external links and `mailto:` are not checked). */
export function brokenLinks(file: string, text = readFileSync(file, 'utf8')): BrokenLink[] {
  const broken: BrokenLink[] = [];
  withoutCodeBlocks(text).forEach((line, i) => {
    for (const target of targetsOf(line)) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue;
      const [rawPath, fragment] = target.split('#', 2) as [string, string | undefined];
      const self = rawPath === '';
      const resolved = self ? file : path.resolve(path.dirname(file), decodeURIComponent(rawPath));
      const report = (reason: string) => broken.push({ file, line: i + 1, target, reason });
      if (!self && !existsSync(resolved)) {
        report('no such file');
        continue;
      }
      if (fragment === undefined || fragment === '') continue;
      if (!self && (statSync(resolved).isDirectory() || !resolved.endsWith('.md'))) {
        report('an anchor into something that is not a Markdown file');
        continue;
      }
      const anchors = anchorsOf(self ? text : readFileSync(resolved, 'utf8'));
      if (!anchors.has(decodeURIComponent(fragment))) report(`no heading #${fragment}`);
    }
  });
  return broken;
}
