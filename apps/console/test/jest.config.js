/** `npm run test:e2e`: the web console in Debian's Chromium (playwright-core) against the all-in-one embedded default. */
module.exports = {
  rootDir: '../../..',
  testMatch: ['<rootDir>/apps/console/test/**/*.browser.ts'],
  testEnvironment: 'node',
  globalSetup: '<rootDir>/apps/console/test/global-setup.ts',
  globalTeardown: '<rootDir>/apps/console/test/global-teardown.ts',
  testTimeout: 120000,
  moduleNameMapper: {
    '^@crm/testing$': '<rootDir>/test/support',
    '^@crm/app-([a-z0-9-]+)$': '<rootDir>/apps/$1/src',
    '^@crm/(.*)$': '<rootDir>/libs/$1/src',
  },
  transform: { '^.+\\.ts$': ['ts-jest', { isolatedModules: true }] },
};
