// Rules every browser test keeps, checked on the source: no sleeps (wait on what the page or the
// API shows), axe never narrowed, every journey checked by axe, the keyboard and the CSP guard,
// and a keyboard user that only ever touches the keyboard.
import fs from 'node:fs';
import path from 'node:path';

const dir = __dirname;

function filesUnder(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return filesUnder(full);
    return entry.name.endsWith('.ts') && full !== __filename ? [full] : [];
  });
}

const sources = filesUnder(dir).map((file) => ({
  file: path.relative(dir, file),
  text: fs.readFileSync(file, 'utf8'),
}));
/** Files that break a rule, with the offending text. */
function offenders(pattern: RegExp, files = sources): string[] {
  return files.flatMap(({ file, text }) => (text.match(pattern) ?? []).map((found) => `${file}: ${found}`));
}

// The helpers' own test shows each helper failing on a page built to fail it.
const journeys = sources.filter(({ file }) => file.endsWith('.browser-spec.ts') && file !== 'harness.browser-spec.ts');

describe('browser test rules', () => {
  it('finds the browser tests it checks', () => {
    expect(journeys.length).toBeGreaterThanOrEqual(2);
    expect(sources.some(({ file }) => file === path.join('harness', 'keyboard.ts'))).toBe(true);
  });

  it('no sleeps: a test waits on what the page or the API shows', () => {
    expect(offenders(/waitForTimeout|setTimeout\s*\(|\bsleep\s*\(/g)).toEqual([]);
  });

  it('axe is never narrowed: no excluded parts, disabled or chosen rules', () => {
    expect(offenders(/\.(exclude|include|disableRules|withRules|options)\s*\(/g)).toEqual([]);
  });

  it('every journey runs axe, drives the keyboard and opens its pages through a CSP-guarded session', () => {
    const missing = journeys.flatMap(({ file, text }) =>
      [/expectAccessible\(/, /new KeyboardUser\(/, /browserSuite\(|openSession\(/]
        .filter((pattern) => !pattern.test(text))
        .map((pattern) => `${file}: no ${pattern.source}`),
    );
    expect(missing).toEqual([]);
    // A page opened any other way would not be watched for CSP violations.
    expect(offenders(/\.(newPage|newContext)\s*\(/g, journeys)).toEqual([]);
  });

  it('the keyboard user touches only the keyboard', () => {
    const keyboard = sources.filter(({ file }) => file === path.join('harness', 'keyboard.ts'));
    expect(
      offenders(/\.(click|dblclick|fill|focus|check|uncheck|tap|selectOption|setInputFiles|hover)\s*\(/g, keyboard),
    ).toEqual([]);
    expect(offenders(/locator\([^)]*\)\s*\.press/g, keyboard)).toEqual([]);
  });
});
