/**
 * `npm run regenerate` end to end in a temporary copy of the project (its
 * scripts, src/, configs and the staleness tests, node_modules linked) whose
 * snapshot is one document (clients.json) pulled from the real sources; then a
 * changed clients.json arrives that removes a property and adds an operation.
 * regenerate must refresh the snapshot, the client and docs/api.md together
 * (the copy then passes npm test's staleness checks, run there), and leave a
 * changeset that `changeset version` turns into the right 0.x version, plus
 * the Markdown report.
 */
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import parseChangeset from "@changesets/parse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHANGESET_FILE, DRIFT_REPORT_FILE } from "../../scripts/lib/drift/changeset";
import { run } from "../package/support/commands";
import { REPO, runScript, type ScriptOptions } from "./helpers/run-script";

/** What the copy needs to regenerate itself and run its staleness tests. */
const COPIED = [
  "package.json",
  "tsconfig.json",
  "vitest.config.ts",
  "scripts",
  "src",
  ".changeset/config.json",
  "openapi/README.md",
  "test/package/generated-fresh.test.ts",
  "test/package/api-docs.test.ts",
  "test/package/support",
];
const STALENESS_TESTS = ["test/package/generated-fresh.test.ts", "test/package/api-docs.test.ts"];
const STALENESS_CHECKS = "is byte-identical to a fresh generation|is up to date with generated";

let root: string;
/** Runs the copy's own scripts in the copy (generated imports and docs are relative to it). */
const inCopy = (options: ScriptOptions = {}): ScriptOptions => ({ cwd: root, repo: root, ...options });
let incoming: string;
const inRoot = (...parts: string[]) => join(root, ...parts);
const readJson = <T>(path: string) => JSON.parse(readFileSync(path, "utf8")) as T;

/** The drift the upstream makes: a response property removed, a new operation. */
function changedClients(): string {
  const document = readJson<Record<string, any>>(join(REPO, "openapi/sources/clients.json"));
  const sync = document.paths["/clients/sync"].post.responses["200"].content["application/json"].schema;
  delete sync.properties.documents;
  sync.required = sync.required.filter((name: string) => name !== "documents");
  document.paths["/clients/{id}/archive"] = {
    post: {
      operationId: "clients.archive",
      tags: ["Clients"],
      summary: "Archive a client",
      parameters: [{ in: "path", name: "id", required: true, schema: { format: "uuid", type: "string" } }],
      responses: { 200: { description: "OK", content: { "application/json": { schema: { $ref: "#/components/schemas/Client" } } } } },
    },
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), "regenerate-repo-"));
  for (const path of COPIED) cpSync(join(REPO, path), inRoot(path), { recursive: true });
  symlinkSync(join(REPO, "node_modules"), inRoot("node_modules"), "dir");
  const config = readJson<{ baseUrl: string }>(join(REPO, "openapi/sources.config.json"));
  writeFileSync(inRoot("openapi/sources.config.json"), `${JSON.stringify({ baseUrl: config.baseUrl, documents: ["clients.json"] }, null, 2)}\n`);
  const initial = await runScript("pull.ts", ["--dir", inRoot("openapi"), "--from", join(REPO, "openapi/sources/clients.json")], inCopy());
  expect(initial.code, initial.stderr).toBe(0);
  incoming = mkdtempSync(join(tmpdir(), "regenerate-incoming-"));
  writeFileSync(join(incoming, "clients.json"), changedClients());
  const git = (...args: string[]) => execFileSync("git", ["-c", "user.email=r@test.invalid", "-c", "user.name=r", ...args], { cwd: root });
  git("init", "-q", "-b", "main");
  writeFileSync(inRoot(".gitignore"), "node_modules\n");
  git("add", ".");
  git("commit", "-q", "-m", "previous snapshot");
}, 120_000);

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(incoming, { recursive: true, force: true });
});

describe("npm run regenerate", () => {
  let output: { code: number; stdout: string; stderr: string };

  beforeAll(async () => {
    output = await runScript("regenerate.ts", ["--dir", root, "--from", join(incoming, "clients.json")], inCopy({ timeoutMs: 300_000 }));
  }, 200_000);

  it("runs pull, generate, drift and write, saying what it did", () => {
    expect(output.stderr.replace(/^npm warn.*\n/gm, "")).not.toMatch(/failed|unexpected/);
    expect(output.code).toBe(0);
    const steps = output.stdout.split("\n").filter((line) => /^regenerate: \w+:/.test(line)).map((line) => line.split(":")[1]!.trim());
    expect(steps).toEqual(["pull", "generate", "drift", "write", "done"]);
    expect(output.stdout).toContain("bump major: ");
    expect(output.stdout).toContain("regenerate: done: major drift, minor release of 0.1.0 for artu-compliance-client");
    expect(output.stdout).toContain(`${DRIFT_REPORT_FILE}, .changeset/${CHANGESET_FILE}`);
  });

  it("refreshes the snapshot", () => {
    const snapshot = readJson<{ paths: Record<string, Record<string, { responses: any }>> }>(inRoot("openapi/artu.json"));
    expect(snapshot.paths["/clients/{id}/archive"]?.post).toBeDefined();
    const sync = snapshot.paths["/clients/sync"]!.post!.responses["200"].content["application/json"].schema;
    expect(Object.keys(sync.properties)).not.toContain("documents");
  });

  it("regenerates the client from it", () => {
    const manifest = readJson<{ operations: { operationId: string }[] }>(inRoot("generated/manifest.json"));
    expect(manifest.operations.map((op) => op.operationId)).toContain("clients.archive");
    expect(readFileSync(inRoot("generated/operations.ts"), "utf8")).toContain("export type ClientsArchiveResult");
  });

  it("rebuilds docs/api.md with the new operation (generate does it for the copy's own snapshot and generated/)", () => {
    expect(output.stdout).toMatch(/\[generate\] docs: docs\/api\.md written/);
    expect(readFileSync(inRoot("docs/api.md"), "utf8")).toContain("#### clients.archive");
  });

  it("leaves a tree that passes npm test's staleness checks (generated/ and docs/api.md), run in the copy", async () => {
    const result = await run(join(root, "node_modules/.bin/vitest"), ["run", ...STALENESS_TESTS, "-t", STALENESS_CHECKS], root, 300_000);
    expect(result.code, `${result.stdout}\n${result.stderr}`).toBe(0);
    expect(result.stdout).toMatch(/Tests\s+2 passed/);
  }, 300_000);

  it("writes the Markdown report", () => {
    const report = readFileSync(inRoot(DRIFT_REPORT_FILE), "utf8");
    expect(report.split("\n")[0]).toBe("## API drift: `major` bump");
    expect(report).toMatch(/#### `clients\.sync`[^#]*`response-property-removed`/);
    expect(report).toMatch(/#### `clients\.archive`[^#]*`operation-added`/);
    // The generated surfaces agree with the spec-level verdict.
    expect(report).not.toContain("sdk-surface-");
  });

  it("writes a changeset that changesets parses and `changeset version` applies: 0.1.0 → 0.2.0 for a breaking drift", () => {
    const text = readFileSync(inRoot(".changeset", CHANGESET_FILE), "utf8");
    const parsed = parseChangeset(text);
    expect(parsed.releases).toEqual([{ name: "artu-compliance-client", type: "minor" }]);
    expect(parsed.summary).toMatch(/^Regenerated from a new ARTU API snapshot: 1 breaking, 0 warning\(s\), \d+ info change\(s\) \(a `major` drift, released as `minor` while the package is 0\.x\)\./);
    expect(parsed.summary).toContain("**Breaking** `clients.sync`: property `documents` removed from the 200 response");

    execFileSync(join(REPO, "node_modules/.bin/changeset"), ["version"], { cwd: root, stdio: "pipe" });
    expect(readJson<{ version: string }>(inRoot("package.json")).version).toBe("0.2.0");
    expect(readFileSync(inRoot("CHANGELOG.md"), "utf8")).toContain("property `documents` removed from the 200 response");
    expect(existsSync(inRoot(".changeset", CHANGESET_FILE))).toBe(false);
  });

  it("does nothing the second time: the snapshot did not change", async () => {
    const again = await runScript("regenerate.ts", ["--dir", root, "--from", join(incoming, "clients.json"), "--skip-sdk-check"], inCopy());
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("regenerate: the snapshot did not change; nothing generated, no changeset written");
    expect(existsSync(inRoot(".changeset", CHANGESET_FILE))).toBe(false);
  }, 120_000);

  it("exits 2 when pull gets bad input, leaving everything as it was", async () => {
    const before = readFileSync(inRoot("openapi/artu.json"), "utf8");
    writeFileSync(join(incoming, "broken.json"), "<html>not a spec</html>");
    const failed = await runScript("regenerate.ts", ["--dir", root, "--from", join(incoming, "broken.json")], inCopy());
    expect(failed.code).toBe(2);
    expect(failed.stderr).toMatch(/regenerate: pull failed: .*broken\.json.*got HTML/);
    expect(readFileSync(inRoot("openapi/artu.json"), "utf8")).toBe(before);
  }, 120_000);

  it("exits 3 when a stage crashes (its workers die), putting the previous snapshot back so that a rerun retries", async () => {
    const before = readFileSync(inRoot("openapi/artu.json"), "utf8");
    const document = JSON.parse(changedClients());
    document.info.description = "changed again";
    mkdirSync(join(incoming, "again"));
    writeFileSync(join(incoming, "again/clients.json"), JSON.stringify(document));
    const killWorkers = join(import.meta.dirname, "helpers/faults/kill-workers.mjs");
    const failed = await runScript(
      "regenerate.ts",
      ["--dir", root, "--from", join(incoming, "again/clients.json"), "--skip-sdk-check"],
      inCopy({ env: { NODE_OPTIONS: `--import=${killWorkers}` } }),
    );
    expect(failed.code, failed.stderr).toBe(3);
    expect(failed.stderr).toMatch(/^regenerate: generate failed: internal failure \(a bug, not a finding\): Error: the .* worker exited with code 70$/m);
    expect(failed.stderr).toContain("regenerate: restored the previous openapi/artu.json so that a rerun retries");
    expect(readFileSync(inRoot("openapi/artu.json"), "utf8")).toBe(before);
  }, 120_000);

  it("exits 2 without a package.json to name the package", async () => {
    const empty = mkdtempSync(join(tmpdir(), "regenerate-empty-"));
    try {
      const failed = await runScript("regenerate.ts", ["--dir", empty], { cwd: empty });
      expect(failed.code).toBe(2);
      expect(failed.stderr).toMatch(/package\.json: cannot read the package name/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  }, 120_000);
});
