/**
 * One jest run, three projects: unit (pure rules and services), api (GraphQL over HTTP on a real
 * PostgreSQL) and browser (the built web app in headless Chromium). Run through `npm test`.
 */
const tsJest = ['ts-jest', { useESM: true, tsconfig: '<rootDir>/tsconfig.test.json' }];
const common = {
  rootDir: '.',
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.tsx?$': tsJest, '/node_modules/(nestjs-cls|@nestjs-cls|@nestjs/throttler)/.+\\.js$': '<rootDir>/test/fixtures/esm-for-cjs.cjs' },
  // nestjs-cls and @nestjs/throttler are CommonJS and require Nest's ES modules, which jest cannot require: see esm-for-cjs.cjs.
  transformIgnorePatterns: ['/node_modules/(?!(nestjs-cls|@nestjs-cls|@nestjs/throttler)/)'],
  setupFiles: ['<rootDir>/test/fixtures/esm-registry.ts'],
  moduleNameMapper: {
    '^@rollcall/domain$': '<rootDir>/libs/domain/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
    // ra-data-graphql-simple's AST builders, which Node's ES modules cannot import by name: see the file.
    '^graphql-ast-types-browser$': '<rootDir>/test/fixtures/graphql-ast-types.ts',
  },
  testEnvironment: 'node',
};

export default {
  // End-to-end tests boot an app and a database on 2 cores: 5 s is too little when the machine is busy.
  testTimeout: 60_000,
  // A worker's memory grows with every test file it runs (each file's ES modules are kept): left alone
  // a worker reached 4 GB by the end of a run, slow to collect and more than a small CI machine has.
  // A worker past this is replaced between files (the transform cache is on disk, so that costs little).
  workerIdleMemoryLimit: '1GB',
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/libs/*/src/**/*.spec.ts', '<rootDir>/apps/api/src/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'api',
      testMatch: ['<rootDir>/test/api/**/*.e2e.ts'],
      globalSetup: '<rootDir>/test/fixtures/global-setup.mjs',
      globalTeardown: '<rootDir>/test/fixtures/global-teardown.mjs',
    },
    {
      ...common,
      displayName: 'browser',
      testMatch: ['<rootDir>/test/browser/**/*.e2e.ts'],
      globalSetup: '<rootDir>/test/fixtures/global-setup.mjs',
      globalTeardown: '<rootDir>/test/fixtures/global-teardown.mjs',
    },
  ],
};
