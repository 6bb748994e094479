// Every relative link of the README and the docs resolves: the file exists, and a `#anchor`
// names a heading of the target (GitHub's anchors). A pure spec: no services.
import { mkdtempSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { anchorsOf, brokenLinks, githubSlug } from './markdown-links';

const root = path.resolve(__dirname, '..', '..');

function markdownUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return markdownUnder(full);
    return entry.name.endsWith('.md') ? [full] : [];
  });
}

const files = [
  path.join(root, 'README.md'),
  path.join(root, 'CHANGELOG.md'),
  ...markdownUnder(path.join(root, 'docs')),
];

describe('links in README.md, CHANGELOG.md and docs/', () => {
  it('finds the docs', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it.each(files.map((f) => [path.relative(root, f)]))('%s: every relative link resolves', (relative) => {
    const broken = brokenLinks(path.join(root, relative)).map((b) => `${relative}:${b.line} ${b.target} — ${b.reason}`);
    expect(broken).toEqual([]);
  });
});

describe('the link checker', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'links-'));
    mkdirSync(path.join(dir, 'docs'));
    writeFileSync(
      path.join(dir, 'docs', 'target.md'),
      "# Target\n\n## Walk-through: Argentina's first follow-up round\n\n## `GET /x` and more\n\n## Same\n\n## Same\n\n```md\n# Not a heading\n```\n",
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('makes anchors as GitHub does', () => {
    expect(githubSlug("Walk-through: Argentina's first follow-up round")).toBe(
      'walk-through-argentinas-first-follow-up-round',
    );
    expect(githubSlug('Compliance view (secretariat)')).toBe('compliance-view-secretariat');
    expect(githubSlug('Questionnaires, rounds & distribution')).toBe('questionnaires-rounds--distribution');
    expect([...anchorsOf('# A\n## A\n```\n# B\n```\n')]).toEqual(['a', 'a-1']);
  });

  it('accepts links that resolve, and ignores external ones and code', () => {
    const text = [
      '[ok](docs/target.md) [dir](docs) [anchor](docs/target.md#walk-through-argentinas-first-follow-up-round)',
      '[code](docs/target.md#get-x-and-more) [second](docs/target.md#same-1) [self](#here)',
      '[web](https://example.org/missing.md) [mail](mailto:a@b.c) `[inline](missing.md)`',
      '```bash',
      '[fenced](missing.md)',
      '```',
      '## Here',
    ].join('\n');
    expect(brokenLinks(path.join(dir, 'README.md'), text)).toEqual([]);
  });

  it('reports a missing file, a missing anchor and a missing self anchor, with their lines', () => {
    const text = '[gone](docs/gone.md)\n\n[bad anchor](docs/target.md#not-a-heading) [self](#nowhere)\n';
    const found = brokenLinks(path.join(dir, 'README.md'), text).map((b) => [b.line, b.target, b.reason]);
    expect(found).toEqual([
      [1, 'docs/gone.md', 'no such file'],
      [3, 'docs/target.md#not-a-heading', 'no heading #not-a-heading'],
      [3, '#nowhere', 'no heading #nowhere'],
    ]);
  });
});
