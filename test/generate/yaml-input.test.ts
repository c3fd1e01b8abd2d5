/**
 * YAML input (issue 13 §1): `--spec` (and pull, through the same parser)
 * accepts `.yaml`/`.yml` documents; bad YAML is a located error, exit 2.
 * The fixture is also untagged: namespaces come from the first path segment.
 */
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { stringify } from "yaml";
import { afterAll, describe, expect, it } from "vitest";
import { parseOpenApi } from "../../scripts/lib/spec/load";
import { runPull } from "../pull/helpers/run-pull";
import { removeTempDirs, ROOT, runGenerate, spec, tempDir } from "./support";

afterAll(removeTempDirs);

describe("YAML specs", () => {
  it("generates from a .yaml spec; untagged operations get namespaces from the first path segment", async () => {
    const out = join(await tempDir(), "generated");
    const result = await runGenerate(["--spec", spec("untagged.yaml"), "--out", out]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^generate: 4 operations from .*untagged\.yaml/);
    const manifest = JSON.parse(await readFile(join(out, "manifest.json"), "utf8"));
    expect(manifest.operations.map((op: { name: string }) => op.name)).toEqual(["pets.getPet", "pets.listPets", "root.ping", "stores.getStoresByStoreIdInventory"]);
  }, 120_000);

  it("reads YAML as JSON would: a date-looking value stays a string, .yml and extension-less YAML too", () => {
    const text = "openapi: 3.1.0\ninfo: { title: t, version: 2024-01-01 }\npaths: {}\n";
    expect(parseOpenApi(text, "spec.yml").info.version).toBe("2024-01-01");
    expect(parseOpenApi(text, "https://example.test/spec").info.version).toBe("2024-01-01");
  });

  it("names the line and column of a YAML syntax error", () => {
    expect(() => parseOpenApi("openapi: 3.1.0\ninfo:\n  title: [unclosed\n", "bad.yaml")).toThrow(/^bad\.yaml#: invalid YAML: .* at line \d+, column \d+$/);
  });

  it("refuses an alias bomb instead of expanding it", () => {
    const levels = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < 12; i++) levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${String.fromCharCode(96 + i)}`).join(", ")}]`);
    const bomb = `openapi: 3.1.0\ninfo: { title: t, version: "1" }\n${levels.join("\n")}\n`;
    expect(() => parseOpenApi(bomb, "bomb.yaml")).toThrow(/^bomb\.yaml#: invalid YAML: .*alias/i);
  });

  it("exits 2 on a YAML spec that is not OpenAPI 3, naming the file", async () => {
    const file = join(await tempDir(), "swagger.yaml");
    await writeFile(file, "swagger: '2.0'\ninfo: { title: t, version: '1' }\npaths: {}\n");
    const result = await runGenerate(["--spec", file, "--out", join(await tempDir(), "out")]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/swagger\.yaml#\/swagger: Swagger 2\.0 is not supported/);
  }, 60_000);

  it("pulls .yaml sources: the merged snapshot equals the one pulled from the same documents as JSON", async () => {
    const fixtures = join(ROOT, "test/fixtures/pull/good");
    const [yamlDir, jsonDir, inputs] = [await tempDir("pull-yaml-"), await tempDir("pull-json-"), await tempDir("pull-in-")];
    for (const name of ["owners", "pets"]) {
      await writeFile(join(inputs, `${name}.yaml`), stringify(JSON.parse(await readFile(join(fixtures, `${name}.json`), "utf8"))));
    }
    await writeFile(join(yamlDir, "sources.config.json"), JSON.stringify({ baseUrl: "https://x.test/", documents: ["owners.yaml", "pets.yaml"] }));
    await writeFile(join(jsonDir, "sources.config.json"), JSON.stringify({ baseUrl: "https://x.test/", documents: ["owners.json", "pets.json"] }));
    const fromYaml = await runPull(["--from", join(inputs, "owners.yaml"), "--from", join(inputs, "pets.yaml"), "--dir", yamlDir]);
    const fromJson = await runPull(["--from", join(fixtures, "owners.json"), "--from", join(fixtures, "pets.json"), "--dir", jsonDir]);
    expect([fromYaml.code, fromYaml.stderr]).toEqual([0, ""]);
    expect(fromJson.code).toBe(0);
    expect(await readFile(join(yamlDir, "artu.json"), "utf8")).toBe(await readFile(join(jsonDir, "artu.json"), "utf8"));
  }, 120_000);
});
