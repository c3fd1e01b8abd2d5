/**
 * Exit codes through the real CLIs, one meaning each (scripts/lib/cli.ts EXIT):
 * 0 done, 1 only "changes at or above --fail-on", 2 bad input, 3 internal
 * failure with a one-line message. Crashes are injected into the real CLI
 * with preloaded faults (helpers/faults/*.mjs through NODE_OPTIONS): a
 * RangeError while the specs are read and compared, generator workers that
 * die, an exception thrown outside the awaited promise.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runScript, type ScriptResult } from "./helpers/run-script";

const FIXTURES = join(import.meta.dirname, "../fixtures/drift");
const FAULTS = join(import.meta.dirname, "helpers/faults");
const fixture = (name: string, side: "base" | "head") => join(FIXTURES, name, `${side}.json`);
const identical = ["--base", fixture("identical", "base"), "--head", fixture("identical", "head")];
const INTERNAL = /^drift: internal failure \(a bug, not a finding\): /;

let dir: string;

/** The identical fixture with the fault marker of faults/range-error.mjs in a request schema. */
function withRangeErrorMarker(): string {
  const document = JSON.parse(readFileSync(fixture("identical", "head"), "utf8"));
  document.paths["/clients"].post.requestBody.content["application/json"].schema["x-fault-range-error"] = true;
  const file = join(dir, "range-error.json");
  writeFileSync(file, JSON.stringify(document));
  return file;
}

function expectInternalFailure(result: ScriptResult, message: RegExp): void {
  expect(result.code, result.stderr).toBe(3);
  const [first] = result.stderr.split("\n");
  expect(first).toMatch(INTERNAL);
  expect(first).toMatch(message);
  expect(result.stdout).toBe("");
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "drift-exit-codes-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("drift exit codes", { timeout: 120_000 }, () => {
  it("0: nothing at or above --fail-on; 1: a change at or above it", async () => {
    expect((await runScript("drift.ts", identical)).code).toBe(0);
    const breaking = ["--base", fixture("response-property-removed", "base"), "--head", fixture("response-property-removed", "head")];
    expect((await runScript("drift.ts", breaking)).code).toBe(1);
  });

  it("2: an external $ref is refused before any comparison, naming the file, the pointer and why", async () => {
    const document = JSON.parse(readFileSync(fixture("identical", "head"), "utf8"));
    document.paths["/clients"].post.requestBody.content["application/json"].schema.properties.scope = { $ref: "common.json#/components/schemas/Scope" };
    const head = join(dir, "external-ref.json");
    writeFileSync(head, JSON.stringify(document));
    const result = await runScript("drift.ts", ["--base", fixture("identical", "base"), "--head", head]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `drift: ${head}#/paths/~1clients/post/requestBody/content/application~1json/schema/properties/scope (operation clients.create): ` +
        'external $ref "common.json#/components/schemas/Scope": snapshot documents must be self-contained (only "#/..." references)\n',
    );
    expect(result.stdout).toBe("");
  });

  it("3: a RangeError (a stack overflow) inside drift is an internal failure, not a finding", async () => {
    const result = await runScript("drift.ts", ["--base", fixture("identical", "base"), "--head", withRangeErrorMarker()], {
      env: { NODE_OPTIONS: `--import=${join(FAULTS, "range-error.mjs")}` },
    });
    expectInternalFailure(result, /RangeError: Maximum call stack size exceeded$/);
  });

  it("3: a generator worker that dies under --sdk-check", async () => {
    const result = await runScript("drift.ts", [...identical, "--sdk-check"], { env: { NODE_OPTIONS: `--import=${join(FAULTS, "kill-workers.mjs")}` } });
    expectInternalFailure(result, /worker exited with code 70$/);
  });

  it("3: an exception thrown outside the awaited promise (Node alone would exit 1)", async () => {
    const result = await runScript("drift.ts", identical, { env: { NODE_OPTIONS: `--import=${join(FAULTS, "throw-outside-main.mjs")}` } });
    expectInternalFailure(result, /TypeError: injected fault outside main$/);
  });
});

describe("--help documents the exit codes", { timeout: 120_000 }, () => {
  it.each([
    ["drift.ts", [/1 changes at or above --fail-on \(only that\)/, /2 bad input/, /3 internal failure/, /a \$ref to another file is refused \(exit 2\)/]],
    ["regenerate.ts", [/0 done/, /2 bad input/, /3 internal failure/]],
    ["build-api-docs.ts", [/0 done/, /2 bad input/, /3 internal failure/]],
    ["drift-oracle.ts", [/1 disagreements to fix/, /2 bad input/, /3 internal failure/]],
    ["generate.ts", [/0 done/, /2 bad input/, /3 internal failure/]],
    ["pull.ts", [/0 done/, /1 --check only/, /2 bad input/, /3 internal failure/]],
    ["bench.ts", [/0 measured/, /2 bad arguments/, /3 internal failure/]],
  ])("%s", async (script, patterns) => {
    const result = await runScript(script, ["--help"]);
    expect(result.code).toBe(0);
    for (const pattern of patterns) expect(result.stdout).toMatch(pattern);
  });
});
