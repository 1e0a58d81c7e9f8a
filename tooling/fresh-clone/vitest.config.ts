import { defineConfig } from 'vitest/config';

// Installing and building a whole clone takes minutes on two cores.
export default defineConfig({
  test: { testTimeout: 15 * 60_000, hookTimeout: 5 * 60_000 },
});
