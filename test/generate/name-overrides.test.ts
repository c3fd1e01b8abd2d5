/**
 * Names that collide after normalization (issue 13 §1): operationIds that
 * differ only in case, paths `/jobs` and `/jobs/`. Generation fails naming
 * both operations and says exactly what to add to `generate.config.json`
 * beside the spec; doing just that makes it succeed.
 */
import { copyFile, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildApiModel } from "../../scripts/lib/model/build";
import { parseGenerateConfig } from "../../scripts/lib/model/overrides";
import { loadOpenApiFile } from "../../scripts/lib/spec/load";
import { removeTempDirs, runGenerate, spec, tempDir } from "./support";

const FIXTURE = spec("name-overrides/spec.json");

afterAll(removeTempDirs);

/** The JSON the error message says to add, parsed. */
function suggestedAddition(stderr: string): { methodNames: Record<string, string> } {
  const found = /add (\{"methodNames":.*?\}\}) \(any unused method name will do\)/.exec(stderr);
  if (!found) throw new Error(`no suggestion in: ${stderr}`);
  return JSON.parse(found[1]!);
}

describe("name collisions settled by generate.config.json", () => {
  it("names both operations and the exact addition; following the messages makes generate succeed", async () => {
    const dir = await tempDir("overrides-");
    const specFile = join(dir, "spec.json");
    await copyFile(FIXTURE, specFile);
    const configFile = join(dir, "generate.config.json");
    const methodNames: Record<string, string> = {};
    const collisions: string[] = [];
    for (let attempt = 0; attempt < 3; attempt++) {
      const result = await runGenerate(["--spec", specFile, "--out", join(dir, "out")]);
      if (result.code === 0) break;
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`or name one of them in ${configFile}: add {"methodNames":`);
      collisions.push(/name collision: (.*?) both/.exec(result.stderr)![1]!);
      Object.assign(methodNames, suggestedAddition(result.stderr).methodNames);
      await writeFile(configFile, JSON.stringify({ methodNames }));
    }
    expect(collisions.sort()).toEqual(["GET /jobs (GET /jobs) and GET /jobs/ (GET /jobs/)", "List Rules (GET /rules) and List rules (GET /rules/legacy)"]);
    const manifest = JSON.parse(await readFile(join(dir, "out", "manifest.json"), "utf8")) as { operations: { name: string; path: string }[] };
    expect(manifest.operations.map(({ name, path }) => `${name} ${path}`)).toEqual([
      "jobs.getJobs /jobs",
      "jobs.getJobs2 /jobs/",
      "rules.getRulesLegacy /rules/legacy",
      "rules.listRules /rules",
    ]);
  }, 240_000);

  it("reads the names the fixture's config gives, per operationId and per METHOD path", async () => {
    const { loadGenerateConfig } = await import("../../scripts/lib/model/overrides");
    const config = await loadGenerateConfig(FIXTURE);
    const model = buildApiModel(await loadOpenApiFile(FIXTURE), FIXTURE, config);
    expect(model.operations.map((op) => [op.qualifiedName, op.operationId, op.path])).toEqual([
      ["jobs.getJobs", "getJobs", "/jobs"],
      ["jobs.listJobsSlash", "listJobsSlash", "/jobs/"],
      ["rules.listRules", "List Rules", "/rules"],
      ["rules.listRulesLegacy", "List rules", "/rules/legacy"],
    ]);
  });

  it("refuses an override no operation has, and a name that is not an identifier, naming the file", async () => {
    const document = await loadOpenApiFile(FIXTURE);
    const typo = parseGenerateConfig(JSON.stringify({ methodNames: { "List rules": "a", "GET /job/": "b" } }), "dir/generate.config.json");
    expect(() => buildApiModel(document, FIXTURE, typo)).toThrow('dir/generate.config.json#/methodNames: no operation has the operationId or "METHOD path" "GET /job/"');
    expect(() => parseGenerateConfig('{"methodNames":{"List rules":"not a name"}}', "dir/generate.config.json")).toThrow(
      'dir/generate.config.json#/methodNames/List rules: method name for "List rules" must be an identifier, got "not a name"',
    );
    expect(() => parseGenerateConfig('{"names":{}}', "dir/generate.config.json")).toThrow('dir/generate.config.json#/names: unknown setting "names" (known: methodNames)');
  });

  it("settles two derived operationIds in different namespaces (descriptors and validators are keyed by operationId)", () => {
    const ok = { "200": { description: "OK" } };
    const document = {
      openapi: "3.1.0",
      info: { title: "t", version: "1" },
      paths: { "/jobs": { get: { tags: ["A"], responses: ok } }, "/jobs/": { get: { tags: ["B"], responses: ok } } },
    };
    expect(() => buildApiModel(document, "dir/spec.json")).toThrow(
      'both have the operationId "getJobs"; rename one operationId or tag, or name one of them in dir/generate.config.json: add {"methodNames":{"GET /jobs/":"getJobs2"}}',
    );
    const config = parseGenerateConfig('{"methodNames":{"GET /jobs/":"getJobs2"}}', "dir/generate.config.json");
    expect(buildApiModel(document, "dir/spec.json", config).operations.map((op) => [op.qualifiedName, op.operationId])).toEqual([
      ["a.getJobs", "getJobs"],
      ["b.getJobs2", "getJobs2"],
    ]);
  });
});
