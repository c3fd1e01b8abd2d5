/**
 * generated/validators.js as `npm run generate` writes it: deterministic,
 * up to date in the repository, loadable as an ES module, and a schema Ajv
 * cannot compile is bad input located at its operation.
 */
import { readFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generateFiles } from "../../scripts/lib/emit/generate-files";
import { textOf } from "../../scripts/lib/emit/output-dir";
import { runtimeImportFor } from "../../scripts/lib/emit/runtime-import";
import { loadOpenApiFile } from "../../scripts/lib/spec/load";
import { removeTempDirs, ROOT, runGenerate, tempDir } from "../generate/support";

const SPEC = join(ROOT, "openapi/artu.json");

afterAll(removeTempDirs);

async function validatorFiles(): Promise<Record<string, string>> {
  const { files } = await generateFiles({ document: await loadOpenApiFile(SPEC), source: SPEC }, { runtimeImport: runtimeImportFor("generated") });
  return Object.fromEntries(files.filter((file) => file.name.startsWith("validators.")).map((file) => [file.name, textOf(file)]));
}

describe("generated/validators.js", () => {
  it("is byte-identical on regeneration, and the committed files are current", async () => {
    const first = await validatorFiles();
    const second = await validatorFiles();
    expect(Object.keys(first).sort()).toEqual(["validators.d.ts", "validators.js"]);
    expect(second).toEqual(first);
    expect(readFileSync(join(ROOT, "generated/validators.js"), "utf8")).toBe(first["validators.js"]);
    expect(readFileSync(join(ROOT, "generated/validators.d.ts"), "utf8")).toBe(first["validators.d.ts"]);
  }, 60_000);

  it("exports one validate function per operation with a JSON success response, keyed by operationId", async () => {
    const module = (await import("../../generated/validators.js")) as Record<string, unknown> & { validators: Record<string, unknown> };
    const manifest = JSON.parse(readFileSync(join(ROOT, "generated/manifest.json"), "utf8")) as { operations: { operationId: string }[] };
    const spec = JSON.parse(readFileSync(SPEC, "utf8")) as { paths: Record<string, Record<string, { operationId?: string; responses?: Record<string, { content?: object }> }>> };
    const withJsonSuccess = Object.values(spec.paths)
      .flatMap((item) => Object.values(item))
      .filter((op) => Object.entries(op.responses ?? {}).some(([status, response]) => status.startsWith("2") && Object.keys(response.content ?? {}).some((type) => type.includes("json"))))
      .map((op) => op.operationId!)
      .sort();
    expect(Object.keys(module.validators).sort()).toEqual(withJsonSuccess);
    expect(withJsonSuccess.every((id) => manifest.operations.some((op) => op.operationId === id))).toBe(true);
    expect(module.validators["clients.retrieve"]).toBe(module.validateClientsRetrieve);
    expect(typeof module.validateClientsRetrieve).toBe("function");
  });

  it("leaves out (with a warning naming the pointer) a response schema Ajv cannot compile, and generates the rest", async () => {
    const dir = await tempDir("drift-validators-");
    const spec = join(dir, "bad-type.json");
    const ok = { description: "OK", content: { "application/json": { schema: { type: "object", properties: { n: { type: "integer" } } } } } };
    await writeFile(
      spec,
      JSON.stringify({
        openapi: "3.1.0",
        info: { title: "Bad", version: "1" },
        paths: {
          "/things": {
            get: {
              operationId: "things.list",
              responses: { "200": { description: "OK", content: { "application/json": { schema: { type: "object", properties: { n: { type: "integr" } } } } } } },
            },
          },
          "/others": { get: { operationId: "others.list", responses: { "200": ok } } },
        },
      }),
    );
    const out = join(dir, "out");
    const result = await runGenerate(["--spec", spec, "--out", out]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      `generate: warning: ${spec}#/paths/~1things/get/responses/200/content/application~1json/schema (operation things.list): ` +
        "Ajv cannot compile this schema: type must be JSONType or JSONType[]: integr; the operation gets no drift validator (runtime drift checks are off for it)\n",
    );
    const module = (await import(join(out, "validators.js"))) as { validators: Record<string, unknown> };
    expect(Object.keys(module.validators)).toEqual(["others.list"]);
    expect(readFileSync(join(out, "validators.d.ts"), "utf8")).not.toContain("validateThingsList");
    expect(readFileSync(join(out, "operations.ts"), "utf8")).toContain("thingsListOperation");
  }, 60_000);
});
