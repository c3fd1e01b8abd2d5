import type { Plugin } from "esbuild";
import { defineConfig } from "tsup";

/**
 * The npm package: ESM + CommonJS + declarations for the client entry and the
 * emulator entry, and the emulator CLI as a bin. Build-time tooling (ts-morph,
 * prettier, openapi-typescript, redocly) never reaches dist/: dependencies stay
 * external (tsup's default), everything else is bundled, including the
 * emulator's snapshot (openapi/artu.json), so the package reads no file at run
 * time. test/package/ checks all of this on the packed tarball.
 */

/**
 * The bin imports the emulator through `./index`; pointing that import at the
 * emulator entry already in dist/ keeps the ~0.5 MB snapshot in the tarball once.
 */
const binUsesEmulatorEntry: Plugin = {
  name: "artu-emulator-entry",
  setup(build) {
    build.onResolve({ filter: /^\.\/index$/ }, (args) =>
      /[\\/]src[\\/]emulator[\\/]cli\.ts$/.test(args.importer) ? { path: "./emulator.js", external: true } : undefined,
    );
  },
};

/**
 * The runtime drift validators (~1 MB of Ajv standalone code) stay their own
 * file, dist/validators.js, which the client imports lazily only when
 * `drift` is "report" or "strict": `drift: "off"` loads and parses nothing.
 */
const validatorsBesideEntry: Plugin = {
  name: "artu-drift-validators",
  setup(build) {
    build.onResolve({ filter: /[\\/]generated[\\/]validators\.js$/ }, () => ({ path: "./validators.js", external: true }));
  },
};

export default defineConfig([
  {
    entry: { index: "src/index.ts", emulator: "src/emulator/index.ts" },
    format: ["esm", "cjs"],
    dts: true,
    // The configs build concurrently into dist/: keep the others' files when this one cleans.
    clean: ["!artu-emulator.js", "!validators.js"],
    target: "node20",
    platform: "node",
    sourcemap: false,
    splitting: false,
    treeshake: true,
    esbuildPlugins: [validatorsBesideEntry],
  },
  {
    entry: { validators: "generated/validators.js" },
    format: ["esm"],
    target: "node20",
    platform: "node",
    minify: true,
  },
  {
    entry: { "artu-emulator": "src/emulator/cli.ts" },
    format: ["esm"],
    target: "node20",
    platform: "node",
    splitting: false,
    esbuildPlugins: [binUsesEmulatorEntry],
  },
]);
