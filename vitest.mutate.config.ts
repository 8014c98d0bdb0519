import { defineConfig } from 'vitest/config';

// The tests StrykerJS (`npm run mutate`) runs against each mutant of the domain core: the domain and
// core unit tests only. The random-sequence property test is left out: it takes half a minute per
// run and covers every line, so it would run for every mutant; it still runs in `npm test`.
export default defineConfig({
  test: {
    include: ['test/unit/domain/**/*.test.ts', 'test/unit/core/**/*.test.ts'],
    exclude: ['test/unit/domain/property.test.ts', 'test/unit/core/import-rules.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    fileParallelism: false,
    maxWorkers: 1,
  },
});
