/** Unit specs sit next to the code; integration tests live under each app's test/ and the top-level test/. */
const moduleNameMapper = {
  '^@crm/testing$': '<rootDir>/test/support',
  // An app's one public entry, apps/<name>/src/index.ts (listed before the libs' pattern).
  '^@crm/app-([a-z0-9-]+)$': '<rootDir>/apps/$1/src',
  '^@crm/(.*)$': '<rootDir>/libs/$1/src',
};
const transform = { '^.+\\.ts$': ['ts-jest', { isolatedModules: true }] };
const common = { rootDir: __dirname, testEnvironment: 'node', moduleNameMapper, transform };

module.exports = {
  testTimeout: 60000,
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/{apps,libs}/**/src/**/*.spec.ts', '<rootDir>/scripts/**/*.spec.ts'],
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: [
        '<rootDir>/apps/*/test/**/*.test.ts',
        '<rootDir>/libs/*/test/**/*.test.ts',
        '<rootDir>/test/**/*.e2e.ts',
        // Smoke runs of the benchmarks at a tiny scale, so they keep working.
        '<rootDir>/apps/*/bench/**/*.test.ts',
      ],
      globalSetup: '<rootDir>/test/infra/global-setup.ts',
      globalTeardown: '<rootDir>/test/infra/global-teardown.ts',
    },
  ],
};
