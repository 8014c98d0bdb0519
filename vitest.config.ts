import { defineConfig } from 'vitest/config';

// Unit and integration tests run in plain Node: no test here may load 'electron'.
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Integration suites start servers and databases; keep them from fighting over 2 cores.
    fileParallelism: true,
    maxWorkers: 2,
  },
});
