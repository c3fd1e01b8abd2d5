/**
 * What a browser or edge bundle of the client costs its users: minified,
 * tree-shaken, gzipped, with every dependency it pulls in. Two figures: an
 * app that imports only `createArtuClient` (the runtime plus the generated
 * operations: the figure with the 12 kB target), and one that imports the
 * whole entry (sync planners, narrowing, workflows too).
 */
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { round, type Row } from "./measure";

const TARGET_KB = 12;

export async function measureBundleSize(): Promise<Row[]> {
  const runtime = await gzippedKb(`export { createArtuClient } from "./src/index";`);
  const whole = await gzippedKb(`export * from "./src/index";`);
  return [
    row("client runtime bundle: createArtuClient + generated operations (min+gzip)", runtime),
    { ...row("whole entry bundle: + sync planners, narrowing, workflows (min+gzip)", whole), target: undefined },
  ];
}

function row(name: string, kb: number): Row {
  return { name, baseline: `target ${TARGET_KB} kB`, value: kb, baselineValue: TARGET_KB, unit: "kB", ratio: round(kb / TARGET_KB), target: `≤ ${TARGET_KB} kB` };
}

async function gzippedKb(entry: string): Promise<number> {
  const result = await build({
    stdin: { contents: entry, resolveDir: process.cwd(), loader: "ts" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "neutral",
    mainFields: ["module", "main"],
    treeShaking: true,
    write: false,
    logLevel: "silent",
  });
  return round(gzipSync(result.outputFiles[0]!.contents, { level: 9 }).length / 1024);
}

