import { defineConfig } from 'vitest/config';

// Unit and integration tests run in plain Node: no test here may load 'electron'.
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    environment: 'node',
    // Generous: the build machines are shared (CI has seen a load of 25 on 2 cores), and a timeout
    // here only says "slow", never "wrong" (speed is measured by `npm run bench`).
    testTimeout: 180_000,
    hookTimeout: 240_000,
    // Integration suites start servers and databases; keep them from fighting over 2 cores.
    fileParallelism: true,
    maxWorkers: 2,
  },
});
