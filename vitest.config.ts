import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Type tests (*.test-d.ts: narrowing, exhaustive match, sync planner inputs) run with every `npm test`.
    typecheck: { enabled: true, include: ["test/**/*.test-d.ts"] },
  },
});
