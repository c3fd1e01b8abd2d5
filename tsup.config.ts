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

const entries = { index: "src/index.ts", emulator: "src/emulator/index.ts" };
const shared = { target: "node20", platform: "node", sourcemap: false, treeshake: true, dts: true } as const;

// `npm run build` empties dist/ first; the configs build concurrently into it, so none of them cleans.
export default defineConfig([
  // ESM with code splitting: what the client loads on first use (openapi-fetch for `raw` and middleware,
  // batch splitting, log lines, drift inspection) stays in chunks an app's bundler can load lazily.
  { ...shared, entry: entries, format: ["esm"], splitting: true, esbuildPlugins: [validatorsBesideEntry] },
  // CommonJS has no chunks: lazy parts are inlined behind their dynamic imports.
  { ...shared, entry: entries, format: ["cjs"], splitting: false, esbuildPlugins: [validatorsBesideEntry] },
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
