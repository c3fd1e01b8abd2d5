/**
 * The committed snapshot is reproducible: `npm run pull -- --from openapi/sources`
 * rebuilds openapi/artu.json and the README's provenance table byte for byte
 * (run on a temporary copy, so the real snapshot is never touched).
 */
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT, copyDir, makeTempDir, removeDir, runPull } from "./helpers/run-pull";

const OPENAPI = join(ROOT, "openapi");
let dir: string | undefined;
afterAll(() => (dir ? removeDir(dir) : undefined));

describe("the real openapi/ snapshot", () => {
  it("lists exactly the documents of openapi/sources/, sorted", async () => {
    const config = JSON.parse(await readFile(join(OPENAPI, "sources.config.json"), "utf8"));
    const present = (await readdir(join(OPENAPI, "sources"))).filter((name) => name.endsWith(".json")).sort();
    expect(config.documents).toEqual(present);
    expect(config.baseUrl).toBe("https://docs.artu.ai/openapi/");
  });

  it("is reproduced byte for byte from openapi/sources", async () => {
    dir = await makeTempDir("real");
    await copyDir(OPENAPI, dir);
    const result = await runPull(["--from", join(dir, "sources"), "--dir", dir]);
    expect(result.code, result.stderr).toBe(0);
    expect(await readFile(join(dir, "artu.json"), "utf8")).toBe(await readFile(join(OPENAPI, "artu.json"), "utf8"));
    expect(await readFile(join(dir, "README.md"), "utf8")).toBe(await readFile(join(OPENAPI, "README.md"), "utf8"));
    const again = await runPull(["--check", "--from", join(dir, "sources"), "--dir", dir]);
    expect(again.code, again.stdout).toBe(0);
  });
});
