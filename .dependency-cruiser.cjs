// Layer boundaries, checked by `npm run boundaries` (dependency-cruiser) and in CI.
// tests/boundaries/boundaries.spec.ts breaks each rule once in a fixture tree and expects it reported.
//
// Layers of libs/, lowest first:
// - infrastructure: knows nothing of the mechanism;
// - domain: the mechanism's areas (states, accounts, rounds, submissions…);
// - read models: reports and aggregates that read the domain and are never read by it;
// - entity-registry: lists every lib's entities for the api, worker and migrations; no lib imports it.
// libs/api-client and libs/web-links are what the web app may share with the server: they import
// no other lib, so the browser bundle can never pull server code in.
const LAYERS = {
  infrastructure: ['config', 'errors', 'database', 'clock', 'http', 'jobs', 'observability', 'audit', 'mail', 'policy'],
  domain: ['states', 'accounts', 'appointments', 'deadlines', 'questionnaires', 'rounds', 'submissions', 'reviews'],
  readModels: ['reports', 'recommendations', 'mechanism-reports', 'compliance'],
  registry: ['entity-registry'],
  webShared: ['api-client', 'web-links'],
};
const any = (names) => `(${names.join('|')})`;

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'infrastructure-imports-domain',
      comment: 'Infrastructure libs import only other infrastructure libs (and the shared link builder).',
      severity: 'error',
      from: { path: `^libs/${any(LAYERS.infrastructure)}/` },
      to: { path: '^libs/', pathNot: `^libs/${any([...LAYERS.infrastructure, 'web-links'])}/` },
    },
    {
      name: 'domain-imports-read-model',
      comment: 'Reports and read models read the domain; the domain never depends on them.',
      severity: 'error',
      from: { path: `^libs/${any(LAYERS.domain)}/` },
      to: { path: `^libs/${any(LAYERS.readModels)}/` },
    },
    {
      name: 'lib-imports-entity-registry',
      comment:
        'Only apps, tests, bench and scripts use the list of every entity; a lib importing it would import every lib.',
      severity: 'error',
      from: { path: '^libs/', pathNot: '^libs/entity-registry/' },
      to: { path: '^libs/entity-registry/' },
    },
    {
      name: 'unlisted-lib',
      comment: 'Every lib belongs to a layer: add a new one to LAYERS in .dependency-cruiser.cjs.',
      severity: 'error',
      from: { path: `^libs/(?!${any(Object.values(LAYERS).flat())}/)` },
      to: {},
    },
    {
      name: 'lib-internals-imported',
      comment: 'Another lib is used through its public index (`@mesecvi/<lib>`), never a file inside it.',
      severity: 'error',
      from: { path: '^((?:libs|apps)/[^/]+|tests|bench|scripts|schemas)/' },
      to: { path: '^libs/', pathNot: ['^$1/', '^libs/[^/]+/src/index\\.ts$'] },
    },
    {
      name: 'lib-imported-by-relative-path',
      comment: 'Another lib is imported by its package name `@mesecvi/<lib>`, not by a relative path.',
      severity: 'error',
      from: { path: '^((?:libs|apps)/[^/]+|tests|bench|scripts|schemas)/' },
      to: { path: '^libs/', pathNot: '^$1/', dependencyTypesNot: ['aliased-tsconfig-paths'] },
    },
    {
      name: 'apps-import-each-other',
      comment: 'Apps share code through libs only.',
      severity: 'error',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'production-imports-test-code',
      comment: 'Apps and libs never depend on tests, benchmarks or scripts.',
      severity: 'error',
      from: { path: '^(apps|libs)/' },
      to: { path: '^(tests|bench|scripts)/' },
    },
    {
      name: 'web-imports-server-code',
      comment: 'The web app reaches the server only through the generated API client and the shared link builder.',
      severity: 'error',
      from: { path: '^apps/web/' },
      to: { path: '^libs/', pathNot: `^libs/${any(LAYERS.webShared)}/` },
    },
    {
      name: 'web-shared-imports-server-code',
      comment: 'What the web app shares with the server imports no other lib, so no server code reaches the browser.',
      severity: 'error',
      from: { path: `^libs/${any(LAYERS.webShared)}/` },
      to: { path: '^libs/', pathNot: `^libs/${any(LAYERS.webShared)}/` },
    },
    {
      name: 'server-imports-api-client',
      comment:
        'The api client is generated from the api for the web app; the server (its apps and libs) never uses it.',
      severity: 'error',
      from: { path: `^(apps/(?!web/)[^/]+|libs/(?!${any(LAYERS.webShared)}/)[^/]+)/` },
      to: { path: '^libs/api-client/' },
    },
    {
      name: 'circular-between-libs',
      comment: 'Libs form a graph without cycles.',
      severity: 'error',
      from: { path: '^libs/([^/]+)/' },
      to: { path: '^libs/', pathNot: '^libs/$1/', circular: true },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that cannot be resolved would escape every rule above (a broken path alias, say).',
      severity: 'error',
      from: {},
      // react-router and vite publish only an `exports` map, which this resolver (node10, as the
      // server's tsconfig) does not read, and @rjsf's `main` names a file it does not ship; the web
      // app's TypeScript and Vite resolve them through `exports`.
      to: { couldNotResolve: true, pathNot: '^(react-router|vite|@rjsf/(core|utils))$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist|coverage|\\.data)/|^tests/boundaries/fixture/' },
    tsConfig: { fileName: 'tsconfig.json' },
    // Type-only imports count: a layer may not lean on another's types either.
    tsPreCompilationDeps: true,
    // .tsx for the web app.
    enhancedResolveOptions: {
      extensions: ['.ts', '.tsx', '.js', '.json', '.cjs', '.mjs'],
    },
  },
};
