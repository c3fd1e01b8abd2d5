/**
 * Pull and generate refuse the same broken specs through the real CLIs (issue
 * 11, items 15-17): exit 2, the file and the pointer (and operation, chain)
 * named on stderr, no stack trace, nothing written.
 */
import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { removeTempDirs, runGenerate, tempDir } from "../generate/support";
import { runPull, snapshotDir } from "../pull/helpers/run-pull";
import { brokenCases } from "./spec-cases";

const cases = brokenCases();
let dir: string;
const fileOf = (index: number) => join(dir, `broken-${index}.json`);

beforeAll(async () => {
  dir = await tempDir("spec-integrity-");
  await Promise.all(cases.map(({ spec }, index) => writeFile(fileOf(index), JSON.stringify(spec, null, 2))));
});
afterAll(removeTempDirs);

const NO_STACK = /\n\s+at |Error: |Maximum call stack/;

describe.each(cases.map((brokenCase, index) => ({ ...brokenCase, index })))("$name", ({ index, message }) => {
  it("npm run pull exits 2 naming it, and writes nothing", async () => {
    const out = join(dir, `pulled-${index}`);
    const result = await runPull(["--from", fileOf(index), "--dir", out]);
    expect(result.stderr).toBe(`pull: ${fileOf(index)}#${message}\n`);
    expect(result.code).toBe(2);
    expect(result.stderr).not.toMatch(NO_STACK);
    expect(existsSync(out) ? await snapshotDir(out) : new Map()).toEqual(new Map());
  }, 60_000);

  it("npm run generate -- --spec exits 2 naming it, and writes nothing", async () => {
    const out = join(dir, `generated-${index}`);
    const result = await runGenerate(["--spec", fileOf(index), "--out", out]);
    expect(result.stderr).toBe(`generate: ${fileOf(index)}#${message}\n`);
    expect(result.code).toBe(2);
    expect(result.stderr).not.toMatch(NO_STACK);
    expect(existsSync(out)).toBe(false);
  }, 120_000);
});
