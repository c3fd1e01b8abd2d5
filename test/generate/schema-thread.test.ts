/**
 * openapi-typescript runs on the main thread (sharing its compiler with
 * ts-morph) below SCHEMA_WORKER_MIN_BYTES of JSON, in a worker of its own
 * from there up (scripts/lib/emit/schema.ts). Both ways give the same files,
 * and a document openapi-typescript rejects is the same located error.
 */
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { generateFiles } from "../../scripts/lib/emit/generate-files";
import { textOf, type OutputFile } from "../../scripts/lib/emit/output-dir";
import { runtimeImportFor } from "../../scripts/lib/emit/runtime-import";
import { SCHEMA_WORKER_MIN_BYTES, schemaThreadFor, type SchemaThread } from "../../scripts/lib/emit/schema";
import { SpecError } from "../../scripts/lib/spec/errors";
import { parseOpenApi } from "../../scripts/lib/spec/load";
import { spec } from "./support";

async function generate(file: string, schemaThread: SchemaThread) {
  const json = await readFile(file, "utf8");
  const input = { document: parseOpenApi(json, file), json, source: file, schemaThread };
  return generateFiles(input, { runtimeImport: runtimeImportFor("generated") });
}

describe("where openapi-typescript runs", () => {
  it("is chosen by the size of the JSON text", () => {
    expect(schemaThreadFor("{}")).toBe("main");
    expect(schemaThreadFor(" ".repeat(SCHEMA_WORKER_MIN_BYTES))).toBe("worker");
  });

  it("makes no difference to the files", async () => {
    for (const file of ["openapi/artu.json", spec("openapi-31-features.json")]) {
      const [main, worker] = await Promise.all([generate(file, "main"), generate(file, "worker")]);
      const texts = (files: readonly OutputFile[]) => files.map((file) => ({ name: file.name, text: textOf(file) }));
      expect(texts(worker.files), file).toEqual(texts(main.files));
    }
  }, 120_000);

  it("makes no difference to a rejection: a SpecError naming the pointer", async () => {
    const file = spec("duplicate-operation-id.json");
    for (const thread of ["main", "worker"] as const) {
      const error = await generate(file, thread).then(
        () => undefined,
        (rejected: unknown) => rejected,
      );
      expect(error, thread).toBeInstanceOf(SpecError);
      expect((error as SpecError).location.pointer, thread).toMatch(/^\/paths\/~1b\/get/);
      expect((error as SpecError).message, thread).toMatch(/openapi-typescript rejected the document: Every operation must have a unique `operationId`/);
    }
  }, 60_000);
});
