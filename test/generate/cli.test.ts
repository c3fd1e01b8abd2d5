import { readdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readTree, removeTempDirs, runGenerate, spec, tempDir } from "./support";

const GENERATED_FILES = ["helpers.ts", "index.ts", "manifest.json", "operations.ts", "schema.ts", "validators.d.ts", "validators.js"];

afterAll(removeTempDirs);

describe("npm run generate", () => {
  let out: string;
  let first: Record<string, string> | undefined;

  beforeAll(async () => {
    out = join(await tempDir(), "generated");
    const result = await runGenerate(["--spec", spec("paginated-batch.json"), "--out", out]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^generate: 6 operations from .*paginated-batch\.json/);
    first = await readTree(out);
  }, 120_000);

  it("writes the seven generated files", () => {
    expect(Object.keys(first ?? {}).sort()).toEqual(GENERATED_FILES);
  });

  it("is deterministic: a second run, in place and elsewhere, gives byte-identical files", async () => {
    const elsewhere = join(await tempDir(), "again");
    const [inPlace, other] = await Promise.all([
      runGenerate(["--spec", spec("paginated-batch.json"), "--out", out]),
      runGenerate(["--spec", spec("paginated-batch.json"), "--out", elsewhere]),
    ]);
    expect([inPlace.code, other.code]).toEqual([0, 0]);
    expect(await readTree(out)).toEqual(first);
    // Both directories sit at the same depth under the temp dir, so even the relative runtime import matches.
    expect(await readTree(elsewhere)).toEqual(first);
  }, 120_000);

  const badInputs: [string, string, RegExp[]][] = [
    ["a Swagger 2.0 file", "swagger-2.json", [/swagger-2\.json#\/swagger: Swagger 2\.0 is not supported/]],
    [
      "a dangling $ref",
      "dangling-ref.json",
      [/dangling-ref\.json#\/paths\/~1things\/post\/requestBody\/content\/application~1json\/schema \(operation things\.create\)/, /dangling \$ref "#\/components\/schemas\/ThingInput"/],
    ],
    ["a name collision", "name-collision.json", [/things\.list \(GET \/things\) and things\/list \(GET \/things\/all\)/]],
    [
      "a document openapi-typescript rejects after the model accepted it",
      "duplicate-operation-id.json",
      [/duplicate-operation-id\.json#\/paths\/~1b\/get.*: openapi-typescript rejected the document: Every operation must have a unique `operationId`/],
    ],
  ];

  for (const [what, file, messages] of badInputs) {
    it(`exits 2 on ${what}, naming file and pointer, and leaves the output unchanged`, async () => {
      const result = await runGenerate(["--spec", spec(file), "--out", out]);
      expect(result.code).toBe(2);
      for (const message of messages) expect(result.stderr).toMatch(message);
      expect(result.stderr).not.toMatch(/\n\s+at /);
      expect(await readTree(out)).toEqual(first);
      expect(await readdir(dirname(out))).toEqual(["generated"]);
    }, 60_000);
  }

  it("exits 2 on a file that is not JSON, and on a missing file", async () => {
    const html = join(await tempDir(), "page.json");
    await writeFile(html, "<!doctype html><html><body>Docs</body></html>");
    const notJson = await runGenerate(["--spec", html, "--out", out]);
    expect(notJson.code).toBe(2);
    expect(notJson.stderr).toContain(`${html}#: got HTML, not JSON`);
    const missing = await runGenerate(["--spec", join(html, "..", "nope.json"), "--out", out]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/nope\.json: cannot read/);
    expect(await readTree(out)).toEqual(first);
  }, 60_000);

  it("refuses to replace a directory holding files it does not write", async () => {
    const foreign = await tempDir();
    await writeFile(join(foreign, "notes.txt"), "keep me");
    const result = await runGenerate(["--spec", spec("union-kind.json"), "--out", foreign]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("refusing to replace a directory holding files generate does not write (notes.txt)");
    expect(await readTree(foreign)).toEqual({ "notes.txt": "keep me" });
  }, 60_000);

  it("exits 2 on an unknown option", async () => {
    const result = await runGenerate(["--spec", spec("union-kind.json"), "--output", out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Unknown option '--output'/);
  }, 60_000);
});
