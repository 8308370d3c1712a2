/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    // Type checking is done once by `npm run build` (tsc); ts-jest only transpiles here.
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  testTimeout: 30000,
  // A suite skipped for a missing program or ../shared says so visibly (see the reporter).
  reporters: ['default', '<rootDir>/test/helpers/skipped-suite-notes.js'],
  maxWorkers: 2,
  // The default output, then why suites were skipped here (jest alone shows no such note).
  reporters: ['default', '<rootDir>/test/helpers/skip-notes-reporter.js'],
};
