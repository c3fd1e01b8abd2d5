/**
 * One TypeScript compiler per process. drift's `--sdk-check` and the oracle
 * generate clients in-process (openapi-typescript, emit/schema.ts) and then
 * compare their types with ts-morph; each of the two brings a compiler: openapi-typescript
 * the `typescript` package, ts-morph the copy bundled in @ts-morph/common. A
 * copy costs ~0.35 s of CPU to load and ~50 MB. ts-morph is pinned to the
 * release whose bundled compiler has the same major.minor as the `typescript`
 * package, and gets the package's instance through `require.cache` (Node's
 * documented way to substitute a module), so the types are also checked by
 * the compiler the project builds with; if the versions ever differ, each
 * keeps its own.
 *
 * generate itself never loads ts-morph (its emitters print through prettier's
 * document printer).
 */
import { closeSync, openSync, readSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);

/**
 * ts-morph, loaded on first use (plain `drift` never needs it) and sharing
 * the `typescript` package's compiler. Loaded through `require` at call
 * time: an ESM import of it would be evaluated before any code of a bundle
 * that imports it (scripts/run.mjs), before the sharing is set up.
 */
export function loadTsMorph(): typeof import("ts-morph") {
  shareTypeScriptWithTsMorph();
  return require("ts-morph") as typeof import("ts-morph");
}

/** Whether ts-morph will use the `typescript` package's instance (false when ts-morph was loaded first, or the versions differ). */
export function shareTypeScriptWithTsMorph(): boolean {
  const bundled = tsMorphCompilerPath();
  const own = require.resolve("typescript");
  if (require.cache[bundled] === require.cache[own] && require.cache[own]) return true;
  if (require.cache[bundled]) return false;
  const ts = require("typescript") as { versionMajorMinor: string };
  if (bundledVersionMajorMinor(bundled) !== ts.versionMajorMinor) return false;
  require.cache[bundled] = require.cache[own];
  return true;
}

/** @ts-morph/common/dist/typescript.js, as ts-morph resolves it. */
export function tsMorphCompilerPath(): string {
  const common = require.resolve("@ts-morph/common", { paths: [dirname(require.resolve("ts-morph"))] });
  return join(dirname(common), "typescript.js");
}

/** `versionMajorMinor` as declared near the top of a TypeScript bundle, without loading it. */
export function bundledVersionMajorMinor(file: string): string | undefined {
  const head = Buffer.alloc(512 * 1024);
  const fd = openSync(file, "r");
  try {
    const length = readSync(fd, head, 0, head.length, 0);
    return /\bversionMajorMinor = "([^"]+)"/.exec(head.toString("latin1", 0, length))?.[1];
  } finally {
    closeSync(fd);
  }
}
