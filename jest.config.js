// One jest configuration, two projects compiled by @swc/jest:
// - api: unit specs (beside the code, and tests/**/*.spec.ts) and e2e suites (tests/e2e);
// - browser: journeys in headless Chromium (tests/browser/**/*.browser-spec.ts).
// Run them through `npm test`, which starts the real services, runs the api project, then the
// browser project serially.
const shared = {
  rootDir: '.',
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
          keepClassNames: true,
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  moduleNameMapper: { '^@mesecvi/(.*)$': '<rootDir>/libs/$1/src' },
  setupFiles: ['reflect-metadata'],
};

/** @type {import('jest').Config} */
module.exports = {
  maxWorkers: process.env.JEST_MAX_WORKERS ?? 2,
  testTimeout: 60000,
  projects: [
    {
      ...shared,
      displayName: 'api',
      testMatch: [
        '<rootDir>/{apps,libs,scripts,schemas,bench}/**/*.spec.ts',
        '<rootDir>/tests/**/*.e2e-spec.ts',
        '<rootDir>/tests/**/*.spec.ts',
      ],
    },
    {
      ...shared,
      displayName: 'browser',
      testMatch: ['<rootDir>/tests/browser/**/*.browser-spec.ts'],
    },
  ],
};
