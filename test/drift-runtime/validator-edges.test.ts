/**
 * Specs the drift validators must survive (issue 13 §1): `$ref`s with
 * percent-encoded JSON pointers are followed by the closed-schema step too,
 * a schema Ajv cannot compile costs only its operation's validator (with one
 * warning naming the schema's pointer), and formats Ajv does not know are
 * summarised in one line.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { removeTempDirs, runGenerate, spec, tempDir, type RunResult } from "../generate/support";

type Validate = ((data: unknown) => boolean) & { errors?: { instancePath: string; keyword: string; params: Record<string, unknown> }[] | null };

afterAll(removeTempDirs);

describe("validator edge cases", () => {
  const file = spec("validator-edges.json");
  let out: string;
  let result: RunResult;
  let validators: Record<string, Validate>;

  beforeAll(async () => {
    out = join(await tempDir("validator-edges-"), "generated");
    result = await runGenerate(["--spec", file, "--out", out]);
    validators = ((await import(join(out, "validators.js"))) as { validators: Record<string, Validate> }).validators;
  }, 120_000);

  it("generates everything, with one warning for the schema Ajv cannot compile and one line for unknown formats", async () => {
    expect(result.code).toBe(0);
    expect(result.stderr.trimEnd().split("\n")).toEqual([
      `generate: warning: ${file}#/components/schemas/Weird (operation oddities.get): Ajv cannot compile this schema: ` +
        "type must be JSONType or JSONType[]: [object Object]; the operation gets no drift validator (runtime drift checks are off for it)",
      "generate: note: 1 format(s) unknown to Ajv are not checked by the drift validators: decimal",
    ]);
    expect(Object.keys(validators).sort()).toEqual(["quotes.get", "quotes.legs"]);
    const operations = await readFile(join(out, "operations.ts"), "utf8");
    expect(operations).toContain("odditiesGetOperation");
    const manifest = JSON.parse(await readFile(join(out, "manifest.json"), "utf8")) as { operations: { operationId: string }[] };
    expect(manifest.operations.map((op) => op.operationId).sort()).toEqual(["oddities.get", "quotes.get", "quotes.legs"]);
  });

  it("follows percent-encoded pointers (%7B…%7D, %20) into closed schemas", () => {
    const quote = validators["quotes.get"]!;
    expect(quote({ symbol: "MSFT", price: 1.5, leg: { side: "buy", size: 1 } })).toBe(true);
    expect(quote({ symbol: "MSFT", price: 1.5, leg: { side: "buy", extra: 1 } })).toBe(false);
    expect(quote.errors?.map((error) => [error.instancePath, error.keyword])).toEqual([["/leg", "unevaluatedProperties"]]);
    expect(quote({ symbol: "MSFT", price: "1.5" })).toBe(false);
    const legs = validators["quotes.legs"]!;
    expect(legs([{ side: "sell" }])).toBe(true);
    expect(legs([{ side: "hold" }])).toBe(false);
  });
});
