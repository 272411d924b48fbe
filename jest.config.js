// One `npm test` runs every tier. Unit tests need no database; the others share one real Neo4j
// started by the global setup (see test/support/global-setup.ts) and run one file at a time
// (`maxWorkers: 1` in those projects' CLI run) so files never see each other's writes.
const transform = { '^.+\\.(t|j)sx?$': ['@swc/jest'] };
// jose ships ES modules only; jest's CommonJS runtime cannot require them, so swc compiles it too.
const transformIgnorePatterns = ['/node_modules/(?!jose/)'];
const common = { transform, transformIgnorePatterns, testEnvironment: 'node', setupFiles: ['reflect-metadata'] };

module.exports = {
  testTimeout: 60000,
  // no forceExit: every file closes what it opened (the service's stop ends its timers, tail and
  // sockets; killService ends a started process's whole group), so a run that does not end after
  // its last result names a leak: run the file alone with --detectOpenHandles
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/test/unit/**/*.test.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/{integration,http,browser}/**/*.test.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
  ],
};
