import { defineConfig } from "tsup";

/**
 * The npm package: ESM + CommonJS + declarations for the client entry and the
 * emulator entry, and the emulator CLI as a bin. Build-time tooling (ts-morph,
 * prettier, openapi-typescript) never reaches dist/.
 */
export default defineConfig([
  {
    entry: { index: "src/index.ts", emulator: "src/emulator/index.ts" },
    format: ["esm", "cjs"],
    dts: true,
    clean: true,
    target: "node20",
    platform: "node",
    sourcemap: false,
    splitting: false,
    treeshake: true,
  },
  {
    entry: { "artu-emulator": "src/emulator/cli.ts" },
    format: ["esm"],
    target: "node20",
    platform: "node",
    splitting: false,
  },
]);
