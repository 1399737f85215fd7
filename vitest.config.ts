import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  test: {
    globals: true,
    include: ['test/**/*.test.{ts,tsx}'],
    environment: 'node',
    testTimeout: 120_000, // jsdom editor tests type into real forms: slow on a busy 2-core machine
    hookTimeout: 120_000,
    // expect.poll waits for the UI: the default 1 s is too short on a loaded 2-core machine.
    expect: { poll: { timeout: 10_000 } },
    pool: 'forks',
    setupFiles: ['test/setup.ts'],
    globalSetup: ['test/global-setup.ts'],
  },
});
