/**
 * `npm run docs -- [--dir <repo root>]`: docs/api.md, the API reference, from
 * generated/manifest.json, the generated TypeScript and the package entries.
 * `npm run generate` runs it afterwards (the `postgenerate` script), on the
 * default generated/ directory; test/package/api-docs.test.ts fails when the
 * committed file is stale.
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { API_DOCS_FILE, buildApiDocs } from "./lib/api-docs/build";
import { parseCliArgs, runCli } from "./lib/cli";

runCli("docs", async () => {
  const started = performance.now();
  const args = parseCliArgs(process.argv.slice(2), { dir: { type: "string", default: "." } });
  const root = resolve(args.dir as string);
  const target = join(root, API_DOCS_FILE);
  const markdown = await buildApiDocs(root);
  const previous = await readFile(target, "utf8").catch(() => undefined);
  if (previous !== markdown) {
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, markdown);
  }
  const state = previous === markdown ? "unchanged" : "written";
  process.stdout.write(`docs: ${API_DOCS_FILE} ${state} (${markdown.split("\n").length} lines) in ${Math.round(performance.now() - started)} ms\n`);
});
