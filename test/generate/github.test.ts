/**
 * Any OpenAPI 3.x document, not only ARTU's: the GitHub REST description
 * (13 MB, ~1200 operations) generates and its operations.ts + schema.ts
 * type-check. Slow by nature (generation plus tsc on ~8 MB of types).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { GITHUB_SPEC, removeTempDirs, runGenerate, tempDir, typecheck } from "./support";
import { HTTP_METHODS } from "../../src/core/operation";

const METHODS: ReadonlySet<string> = new Set(HTTP_METHODS);

afterAll(removeTempDirs);

describe("generate on the GitHub REST description", () => {
  it("generates every operation and the output type-checks", async () => {
    const root = await tempDir();
    const out = join(root, "generated");
    const result = await runGenerate(["--spec", GITHUB_SPEC, "--out", out], 240_000);
    expect(result.code).toBe(0);

    const spec = JSON.parse(readFileSync(GITHUB_SPEC, "utf8")) as { paths: Record<string, Record<string, unknown>> };
    const expected = Object.values(spec.paths).flatMap((item) => Object.keys(item).filter((key) => METHODS.has(key))).length;
    const manifest = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8")) as { operations: { name: string }[] };
    expect(manifest.operations).toHaveLength(expected);
    expect(new Set(manifest.operations.map(({ name }) => name)).size).toBe(expected);
    expect(manifest.operations.map(({ name }) => name)).toContain("repos.get");

    expect(await typecheck(root, [join(out, "operations.ts")], 240_000)).toEqual([]);
  }, 600_000);
});
