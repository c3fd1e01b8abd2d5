/**
 * The README's commands whose output a program reads (`--format json`) are
 * written with `npm run -s`, and really print JSON and nothing else: each one
 * is run as documented, through npm, and its stdout parsed.
 */
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cleanEnv } from "../package/support/commands";
import { REPO } from "./helpers/run-script";

/** Every line of the README's sh code blocks, comments after `#` removed. */
function shellLines(markdown: string): string[] {
  return [...markdown.matchAll(/```sh\n([\s\S]*?)```/g)]
    .flatMap((match) => match[1]!.split("\n"))
    .map((line) => line.replace(/\s+#.*$/, "").trim())
    .filter((line) => line !== "");
}

const MACHINE_READ = shellLines(readFileSync(join(REPO, "README.md"), "utf8")).filter((line) => /--format json\b/.test(line));

function sh(command: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile("sh", ["-c", command], { cwd: REPO, env: cleanEnv(), timeout: 120_000, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

describe("README commands read by programs", () => {
  it("exist, and each runs npm silently", () => {
    expect(MACHINE_READ.length).toBeGreaterThan(0);
    for (const line of MACHINE_READ) expect(line, "use `npm run -s` where the output is parsed").toMatch(/^npm run -s /);
  });

  it.each(MACHINE_READ)("`%s` prints JSON and nothing else", async (command) => {
    const result = await sh(command);
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as { bump: unknown; changes: unknown };
    expect(["major", "minor", "patch", "none"]).toContain(report.bump);
    expect(Array.isArray(report.changes)).toBe(true);
  }, 120_000);
});
