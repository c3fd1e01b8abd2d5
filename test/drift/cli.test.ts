/**
 * `npm run drift` as a child process: exit codes (0, 1 at or above --fail-on,
 * 2 on bad input), both output formats, and `git:<ref>:<path>` specs read from
 * a temporary git repository.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runScript } from "./helpers/run-script";

const FIXTURES = join(import.meta.dirname, "../fixtures/drift");
const fixture = (name: string, side: "base" | "head") => join(FIXTURES, name, `${side}.json`);
const drift = (...args: string[]) => runScript("drift.ts", args);

describe("drift CLI: exit codes and formats", { timeout: 120_000 }, () => {
  it("exits 0 with a 'none' Markdown report for equal specs", async () => {
    const result = await drift("--base", fixture("identical", "base"), "--head", fixture("key-order-only", "head"));
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("## API drift: `none` bump");
  });

  it("exits 1 on a breaking change (default --fail-on breaking), 0 with --fail-on none; JSON carries the verdict", async () => {
    const args = ["--base", fixture("response-property-removed", "base"), "--head", fixture("response-property-removed", "head")];
    const failing = await drift(...args, "--format", "json");
    expect(failing.code).toBe(1);
    const report = JSON.parse(failing.stdout) as { bump: string; changes: { id: string; operationId: string }[] };
    expect(report.bump).toBe("major");
    expect(report.changes.map((change) => `${change.id} ${change.operationId}`)).toEqual([
      "response-property-removed clients.create",
      "response-property-removed clients.retrieve",
    ]);
    const tolerant = await drift(...args, "--fail-on", "none");
    expect(tolerant.code).toBe(0);
    expect(tolerant.stdout).toContain("### Breaking changes (2)");
  });

  it("treats warnings as failures only with --fail-on warning", async () => {
    const args = ["--base", fixture("response-integer-widened-to-number", "base"), "--head", fixture("response-integer-widened-to-number", "head")];
    expect((await drift(...args)).code).toBe(0);
    const strict = await drift(...args, "--fail-on", "warning");
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain("### Warnings (2)");
  });

  it.each([
    [["--base", "missing.json", "--head", fixture("identical", "head")], /missing\.json: cannot read/],
    [["--base", fixture("identical", "base")], /--base and --head are required/],
    [["--base", fixture("identical", "base"), "--head", fixture("identical", "head"), "--format", "yaml"], /--format: expected markdown or json/],
    [["--base", fixture("identical", "base"), "--head", fixture("identical", "head"), "--fail-on", "info"], /--fail-on: expected breaking, warning or none/],
    [["--base", fixture("identical", "base"), "--head", fixture("identical", "head"), "--colour"], /Unknown option '--colour'/],
    [["--base", "git:HEAD", "--head", fixture("identical", "head")], /git:HEAD: expected "git:<ref>:<path>"/],
  ])("exits 2 on bad input %#", async (args, message) => {
    const result = await drift(...args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(result.stdout).toBe("");
  });

  describe("documents that are not OpenAPI 3.x", () => {
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), "drift-cli-bad-"));
      writeFileSync(join(dir, "swagger.json"), JSON.stringify({ swagger: "2.0", info: { title: "x", version: "1" }, paths: {} }));
      writeFileSync(join(dir, "page.json"), "<!doctype html><html><body>Docs</body></html>");
      writeFileSync(join(dir, "truncated.json"), '{"openapi": "3.1.0", "info": {');
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it.each([
      ["swagger.json", /swagger\.json#\/swagger: Swagger 2\.0 is not supported/],
      ["page.json", /page\.json#: got HTML, not JSON/],
      ["truncated.json", /truncated\.json#: invalid JSON: .* at line 1, column 31/],
    ])("%s exits 2 naming the file and what is wrong", async (file, message) => {
      const result = await drift("--base", fixture("identical", "base"), "--head", join(dir, file));
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(message);
    });
  });
});

describe("drift CLI: git:<ref>:<path> specs", { timeout: 120_000 }, () => {
  let repo: string;
  const git = (...args: string[]) =>
    execFileSync("git", ["-c", "user.email=drift@test.invalid", "-c", "user.name=drift test", ...args], { cwd: repo, encoding: "utf8" });

  beforeAll(() => {
    repo = mkdtempSync(join(tmpdir(), "drift-cli-git-"));
    git("init", "-q", "-b", "main");
    mkdirSync(join(repo, "openapi"));
    copyFileSync(fixture("artu-clients-many-rules", "base"), join(repo, "openapi/artu.json"));
    git("add", "openapi/artu.json");
    git("commit", "-q", "-m", "snapshot");
    copyFileSync(fixture("artu-clients-many-rules", "head"), join(repo, "openapi/artu.json"));
  });
  afterAll(() => rmSync(repo, { recursive: true, force: true }));

  it("compares the committed snapshot with the working copy", async () => {
    const result = await runScript("drift.ts", ["--base", "git:HEAD:openapi/artu.json", "--head", "openapi/artu.json", "--format", "json", "--fail-on", "none"], {
      cwd: repo,
    });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { bump: string; changes: { id: string }[] };
    expect(report.bump).toBe("major");
    expect(report.changes.map((change) => change.id)).toContain("operation-id-renamed");
  });

  it("reads both sides from git and finds nothing between a commit and itself", async () => {
    const result = await runScript("drift.ts", ["--base", "git:HEAD:openapi/artu.json", "--head", "git:main:openapi/artu.json", "--format", "json"], { cwd: repo });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ bump: "none", changes: [] });
  });

  it.each([
    ["git:HEAD~5:openapi/artu.json", /git:HEAD~5:openapi\/artu\.json: git show HEAD~5:openapi\/artu\.json failed: fatal:/],
    ["git:HEAD:openapi/missing.json", /git show HEAD:openapi\/missing\.json failed: fatal: path 'openapi\/missing\.json' does not exist/],
  ])("exits 2 on %s", async (spec, message) => {
    const result = await runScript("drift.ts", ["--base", spec, "--head", "openapi/artu.json"], { cwd: repo });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });
});
