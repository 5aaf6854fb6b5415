import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    // The pseudo-terminal tests start real processes: keep them from competing on 2 cores.
    fileParallelism: true,
    maxWorkers: 2,
  },
});
