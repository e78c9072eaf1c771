import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup-env.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // The machines are shared and often loaded: a polled assertion gets 10 s before it fails (1 s by default).
    expect: { poll: { timeout: 10_000 } },
  },
});
