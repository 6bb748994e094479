// Every `pattern` in every schema file must be safe from catastrophic backtracking.
import fs from 'node:fs';
import path from 'node:path';
import { forEachSchema, unsafePatternReason } from '@mesecvi/questionnaires';

function schemaFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name.endsWith('.i18n') || entry.name === 'examples' ? [] : schemaFiles(full);
    return entry.name.endsWith('.schema.json') ? [full] : [];
  });
}

const patterns = schemaFiles(__dirname).flatMap((file) => {
  const found: Array<[string, string]> = [];
  forEachSchema(JSON.parse(fs.readFileSync(file, 'utf8')), (node, at) => {
    if (typeof node.pattern === 'string') found.push([`${path.relative(__dirname, file)}#${at}`, node.pattern]);
  });
  return found;
});

describe('schema patterns', () => {
  it('refuses the shapes that backtrack catastrophically, and unanchored patterns', () => {
    for (const bad of [
      '^(a+)+$',
      '^(\\w*)*$',
      '^(a|ab)*$',
      '^([a-z]+\\d*)+$',
      '^((ab)+c)*$',
      '^(x+){2,}$',
      '[a-z]+',
      '^[a-z]+',
      '^(a)\\1$',
      '^(?=a)a$',
    ]) {
      expect({ bad, reason: unsafePatternReason(bad) }).toEqual({ bad, reason: expect.any(String) });
    }
    for (const good of [
      '^[A-Z]{3}$',
      '^https?://[^\\s]+$',
      '^(ab)?c+$',
      '^[\\p{L}\\p{N} .,:/ºª°#-]+$',
      '^\\(\\d+\\)+$',
      '^[(a+)+]$',
    ]) {
      expect({ good, reason: unsafePatternReason(good) }).toEqual({ good, reason: null });
    }
  });

  it('finds the patterns of schemas/ (there are some to vet)', () => {
    expect(patterns.length).toBeGreaterThan(0);
  });

  it.each(patterns)('%s is safe: %s', (_where, pattern) => {
    expect(unsafePatternReason(pattern)).toBeNull();
    // And in practice: long near-miss inputs are rejected quickly.
    const regex = new RegExp(pattern, 'u');
    for (const filler of ['a', '1', ' ', 'é', 'http://', '-']) {
      const input = `${filler.repeat(5_000)}\u0000`;
      const started = process.hrtime.bigint();
      regex.test(input);
      expect(Number(process.hrtime.bigint() - started) / 1e6).toBeLessThan(100);
    }
  });
});
