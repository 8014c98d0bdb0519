// Mutation testing of the domain core (`npm run mutate`; not part of `npm test`, it is slow).
// One file at a time: `npm run mutate -- --mutate shared/sla.ts`. Incremental: a rerun only tests
// the mutants whose code or covering tests changed since the last run (.tmp/ is not committed).
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'vitest.mutate.config.ts' },
  mutate: [
    'shared/domain/**/*.ts',
    'shared/sla.ts',
    'shared/numbering.ts',
    'shared/tariffs.ts',
    'shared/calendar/**/*.ts',
  ],
  coverageAnalysis: 'perTest',
  // Two shared cores and many engineers on this machine.
  concurrency: 1,
  timeoutMS: 20_000,
  incremental: true,
  incrementalFile: '.tmp/stryker-incremental.json',
  tempDirName: '.tmp/stryker',
  cleanTempDir: 'always',
  ignorePatterns: [
    '.tmp',
    'dist',
    'out',
    'release',
    'coverage',
    'test-results',
    'playwright-report',
    'test/e2e',
    'renderer',
    'resources/fonts',
  ],
  reporters: ['clear-text', 'progress-append-only', 'html', 'json'],
  htmlReporter: { fileName: '.tmp/mutation/index.html' },
  jsonReporter: { fileName: '.tmp/mutation/mutation.json' },
  thresholds: { high: 95, low: 85, break: null },
};
