/**
 * The committed generated/ is what `npm run generate` makes from the committed
 * openapi/artu.json, byte for byte: CI fails when someone changes the snapshot
 * or the generator without regenerating (or edits generated/ by hand).
 *
 * It runs the CLI's pipeline in-process (read → parse → generateFiles) with the
 * runtime import the CLI computes for generated/: the files are compared in
 * memory, since prettier's line breaks depend on that import's length, a
 * temporary directory elsewhere would not give the same bytes.
 */
import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { generateFiles } from "../../scripts/lib/emit/generate-files";
import { textOf } from "../../scripts/lib/emit/output-dir";
import { runtimeImportFor } from "../../scripts/lib/emit/runtime-import";
import { readText } from "../../scripts/lib/spec/fetch-source";
import { parseOpenApi } from "../../scripts/lib/spec/load";
import { ROOT } from "./support/commands";

const SPEC = join(ROOT, "openapi/artu.json");
const COMMITTED = join(ROOT, "generated");

async function regenerate(): Promise<Map<string, string>> {
  // As scripts/generate.ts does: openapi-typescript gets the spec's own text.
  const source = relative(ROOT, SPEC);
  const text = await readText(SPEC);
  const document = parseOpenApi(text, source);
  const { files } = await generateFiles({ document, json: text, source }, { runtimeImport: runtimeImportFor(COMMITTED) });
  return new Map(files.map((file) => [file.name, textOf(file)]));
}

describe("generated/", () => {
  it("is byte-identical to a fresh generation from openapi/artu.json", async () => {
    const fresh = await regenerate();
    const committedNames = (await readdir(COMMITTED)).sort();
    expect(committedNames, "generated/ is stale (its files differ from what the generator emits): run `npm run generate` and commit the result").toEqual(
      [...fresh.keys()].sort(),
    );
    for (const name of committedNames) {
      // toBe on the whole text: the diff vitest prints shows the stale lines.
      expect(await readFile(join(COMMITTED, name), "utf8"), `generated/${name} is stale: run \`npm run generate\` and commit the result`).toBe(
        fresh.get(name),
      );
    }
  }, 120_000);
});
