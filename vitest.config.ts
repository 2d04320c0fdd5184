// Root test configuration: every package's and app's tests run from source, no build step.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["packages/*/src/**/*.test.ts", "apps/*/src/**/*.test.ts", "test/**/*.test.ts"],
    globalSetup: ["test/support/global-redis.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
