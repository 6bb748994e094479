// One jest configuration, three projects compiled by @swc/jest:
// - api: unit specs (beside the code, and tests/**/*.spec.ts) and e2e suites (tests/e2e);
// - browser: journeys in headless Chromium (tests/browser/**/*.browser-spec.ts);
// - contract: one spec that reads what the api project's responses did against the OpenAPI
//   document (tests/contract) and holds the pending list to what the run showed.
// Run them through `npm test`, which starts the real services, runs the api project, the
// contract project, then the browser project serially.
const ESM_ONLY = ['parse-json', 'index-to-position', 'supports-color', 'change-case', '@x0k/json-schema-merge'];
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
    // The web app's components, rendered to a string by its specs (no browser needed).
    '^.+\\.tsx$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', tsx: true },
          transform: { react: { runtime: 'automatic' } },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
    // openapi-typescript (the api client's types spec) and the web app's form library (its specs)
    // require these ES-module-only packages,
    // which Node loads and jest's module system does not: they are compiled to CommonJS.
    [`/node_modules/(${ESM_ONLY.join('|')})/.+\\.js$`]: ['@swc/jest', { module: { type: 'commonjs' } }],
  },
  transformIgnorePatterns: [`/node_modules/(?!(openapi-typescript/node_modules/)?(${ESM_ONLY.join('|')})/)`],
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
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/tests/contract/contract.spec.ts'],
    },
    {
      ...shared,
      displayName: 'contract',
      testMatch: ['<rootDir>/tests/contract/contract.spec.ts'],
    },
    {
      ...shared,
      displayName: 'browser',
      testMatch: ['<rootDir>/tests/browser/**/*.browser-spec.ts'],
    },
  ],
};
