/**
 * Size of what a browser or edge bundle of the client entry costs its users:
 * src/index.ts with every dependency it pulls in, minified, tree-shaken, gzipped.
 */
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import type { Row } from "./measure";

export async function measureBundleSize(entry = "src/index.ts"): Promise<Row[]> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: "esm",
    platform: "neutral",
    mainFields: ["module", "main"],
    treeShaking: true,
    write: false,
    logLevel: "silent",
  });
  const code = result.outputFiles[0]!.contents;
  const gzipKb = gzipSync(code, { level: 9 }).length / 1024;
  return [
    {
      name: "runtime bundle (client entry, min+gzip)",
      baseline: "target 12 kB",
      value: round(gzipKb),
      baselineValue: 12,
      unit: "kB",
      ratio: round(gzipKb / 12),
      target: "≤ 12 kB",
    },
  ];
}

const round = (value: number) => Math.round(value * 100) / 100;
