import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    pool: 'threads',
    isolate: false,
    env: {
      NO_COLOR: '1',
      XDG_CONFIG_HOME: '/nonexistent-specwright-test-config',
      XDG_DATA_HOME: '/nonexistent-specwright-test-data',
    },
    testTimeout: 30_000,
  },
});
