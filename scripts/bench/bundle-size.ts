/**
 * What a browser or edge bundle of the client costs its users up front:
 * minified, tree-shaken, gzipped, with every dependency it pulls in, built
 * with code splitting as app bundlers do (Vite, Rollup, webpack), so the
 * parts the client loads on first use (openapi-fetch for `raw`/middleware,
 * batch splitting, log lines, the drift validators) count only in the lazy
 * figure. Two apps: one importing only `createArtuClient` (the figure with the
 * 12 kB target), one importing the whole entry (sync planners, narrowing,
 * workflows too).
 */
import { gzipSync } from "node:zlib";
import { build, type Metafile, type OutputFile } from "esbuild";
import { round, type Row } from "./measure";

const TARGET_KB = 12;

export async function measureBundleSize(): Promise<Row[]> {
  const runtime = await bundle(`export { createArtuClient } from "./src/index";`);
  const whole = await bundle(`export * from "./src/index";`);
  return [
    {
      name: "client runtime, loaded up front: createArtuClient + generated operations (min+gzip)",
      baseline: `target ${TARGET_KB} kB`,
      value: runtime.initialKb,
      baselineValue: TARGET_KB,
      unit: "kB",
      ratio: round(runtime.initialKb / TARGET_KB),
      target: `≤ ${TARGET_KB} kB`,
    },
    {
      name: "  + lazy chunks (raw/middleware, batches, logging, drift validators), loaded on first use",
      baseline: "up-front figure",
      value: runtime.lazyKb,
      baselineValue: runtime.initialKb,
      unit: "kB",
    },
    {
      name: "whole entry, loaded up front: + sync planners, narrowing, workflows (min+gzip)",
      baseline: `target ${TARGET_KB} kB`,
      value: whole.initialKb,
      baselineValue: TARGET_KB,
      unit: "kB",
      ratio: round(whole.initialKb / TARGET_KB),
    },
  ];
}

async function bundle(entry: string): Promise<{ initialKb: number; lazyKb: number }> {
  const result = await build({
    stdin: { contents: entry, resolveDir: process.cwd(), loader: "ts" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "neutral",
    mainFields: ["module", "main"],
    treeShaking: true,
    splitting: true,
    outdir: "/virtual-out",
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  const outputs = result.metafile.outputs;
  // The stdin entry: each lazily imported module is an entry point of its own in the metafile too.
  const entryChunk = Object.keys(outputs).find((path) => outputs[path]!.entryPoint === "<stdin>")!;
  const initial = staticClosure(outputs, entryChunk);
  const gzipped = (files: OutputFile[]) => round(files.reduce((sum, file) => sum + gzipSync(file.contents, { level: 9 }).length, 0) / 1024);
  const isInitial = (file: OutputFile) => [...initial].some((chunk) => file.path.endsWith(chunk.replace(/^.*virtual-out/, "")));
  return {
    initialKb: gzipped(result.outputFiles.filter(isInitial)),
    lazyKb: gzipped(result.outputFiles.filter((file) => !isInitial(file))),
  };
}

/** The chunks an entry chunk imports statically, transitively: what loads before any code runs. */
export function staticClosure(outputs: Metafile["outputs"], from: string): Set<string> {
  const seen = new Set<string>();
  const pending = [from];
  while (pending.length > 0) {
    const chunk = pending.pop()!;
    if (seen.has(chunk)) continue;
    seen.add(chunk);
    for (const imported of outputs[chunk]!.imports) if (imported.kind === "import-statement") pending.push(imported.path);
  }
  return seen;
}
