/**
 * What an app importing only `createArtuClient` loads up front, bundled with
 * code splitting (as Vite, Rollup, webpack and `esbuild --splitting` do): the
 * rarely needed parts must stay behind dynamic imports, each in a chunk
 * fetched on first use. A static import of any of them anywhere in the client
 * would pull it into the initial chunks; this catches that.
 */
import { build } from "esbuild";
import { staticClosure } from "../../scripts/bench/bundle-size";
import { describe, expect, it } from "vitest";

const LAZY = [
  "node_modules/openapi-fetch/dist/index.mjs", // artu.raw and the middleware transport
  "src/client/raw-client.ts",
  "src/client/middleware-transport.ts",
  "src/client/batch.ts", // splitting oversize batches
  "src/client/pagination.ts", // .pages() and .iterate()
  "src/client/log-lines.ts", // clients with a logger
  "src/client/redirect.ts", // the first 3xx
  "src/drift/inspect.ts", // drift: "report" | "strict"
  "src/drift/divergences.ts",
  "generated/validators.js",
];

async function chunksOf(entry: string): Promise<{ initial: Set<string>; all: Set<string> }> {
  const result = await build({
    stdin: { contents: entry, resolveDir: process.cwd(), loader: "ts" },
    bundle: true,
    format: "esm",
    platform: "neutral",
    mainFields: ["module", "main"],
    splitting: true,
    outdir: "/virtual-out",
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  const outputs = result.metafile.outputs;
  // The stdin entry: each lazily imported module is an entry point of its own in the metafile too.
  const entryChunk = Object.keys(outputs).find((path) => outputs[path]!.entryPoint === "<stdin>")!;
  const initialChunks = staticClosure(outputs, entryChunk);
  const inputsOf = (chunks: Iterable<string>) => new Set([...chunks].flatMap((chunk) => Object.keys(outputs[chunk]!.inputs)));
  return { initial: inputsOf(initialChunks), all: inputsOf(Object.keys(outputs)) };
}

describe("the initial bundle of an app that imports createArtuClient", () => {
  it("holds the runtime and the generated operations, and loads the rare parts lazily", async () => {
    const { initial, all } = await chunksOf(`export { createArtuClient } from "./src/index";`);
    expect(initial).toContain("src/client/execute.ts");
    expect(initial).toContain("generated/operations.ts");
    for (const path of LAZY) {
      expect(initial, `${path} is loaded up front`).not.toContain(path);
      expect(all, `${path} is not in any chunk`).toContain(path);
    }
  }, 60_000);
});
