// The layer rules of .dependency-cruiser.cjs, each broken once in a fixture tree: the check must
// report exactly those violations and fail. (`npm run boundaries` runs the same check on the
// repository itself, in CI.)
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..');
const fixture = path.join(__dirname, 'fixture');
const configFile = path.join(root, '.dependency-cruiser.cjs');

interface Violation {
  rule: { name: string; severity: string };
  from: string;
  to: string;
}

/** Runs the check on the fixture as `npm run boundaries` runs it on the repository. */
function cruiseFixture(outputType: 'json' | 'err-long'): { status: number | null; stdout: string } {
  const cli = path.join(root, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');
  const args = [cli, '--config', configFile, '--output-type', outputType, 'apps', 'libs', 'tests'];
  const run = spawnSync(process.execPath, args, { cwd: fixture, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout };
}

describe('layer boundaries', () => {
  const report = JSON.parse(cruiseFixture('json').stdout) as { summary: { violations: Violation[] } };
  const violations = report.summary.violations;
  const found = violations.map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`).sort();

  it('reports each broken rule at the import that breaks it, and nothing else', () => {
    expect(found).toEqual(
      [
        'apps-import-each-other: apps/api/src/main.ts -> apps/worker/src/main.ts',
        'circular-between-libs: libs/appointments/src/index.ts -> libs/reviews/src/index.ts',
        'domain-imports-read-model: libs/rounds/src/index.ts -> libs/compliance/src/index.ts',
        'infrastructure-imports-domain: libs/errors/src/index.ts -> libs/accounts/src/index.ts',
        'lib-imported-by-relative-path: libs/deadlines/src/index.ts -> libs/accounts/src/index.ts',
        'lib-imports-entity-registry: libs/submissions/src/index.ts -> libs/entity-registry/src/index.ts',
        'lib-internals-imported: libs/states/src/index.ts -> libs/accounts/src/internal.ts',
        'not-to-unresolvable: libs/questionnaires/src/index.ts -> @mesecvi/nowhere',
        'production-imports-test-code: libs/audit/src/index.ts -> tests/helper.ts',
        'server-imports-api-client: apps/api/src/client.ts -> libs/api-client/src/index.ts',
        'unlisted-lib: libs/newthing/src/index.ts -> libs/config/src/index.ts',
        'web-imports-server-code: apps/web/src/main.ts -> libs/accounts/src/index.ts',
        'web-shared-imports-server-code: libs/web-links/src/index.ts -> libs/config/src/index.ts',
      ].sort(),
    );
  });

  it('breaks every rule of the configuration, each as an error that fails the check', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the configuration is CommonJS, read as dependency-cruiser reads it
    const config = require(configFile) as { forbidden: { name: string; severity: string }[] };
    const broken = new Set(violations.map((v) => v.rule.name));
    expect(config.forbidden.map((rule) => rule.name).filter((name) => !broken.has(name))).toEqual([]);
    expect(violations.every((v) => v.rule.severity === 'error')).toBe(true);
    const check = cruiseFixture('err-long');
    expect(check.status).toBe(violations.length);
    expect(check.stdout).toContain(
      `x ${violations.length} dependency violations (${violations.length} errors, 0 warnings)`,
    );
  });
});
