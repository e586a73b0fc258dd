import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts", "web/src/**/*.test.ts"],
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 60_000,
    env: { TZ: "UTC" },
    // Each file gets a fresh database; files run in parallel across the 2 cores.
    pool: "forks",
  },
});
