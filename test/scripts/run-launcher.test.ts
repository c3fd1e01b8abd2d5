/**
 * scripts/run.mjs, what every `npm run` command goes through: it runs a
 * scripts/<name>.ts file as an esbuild bundle, rebuilt whenever any file it
 * was built from changed. Checked on a throwaway project (its own scripts/,
 * esbuild linked from ours): arguments and exit codes pass through,
 * `import.meta.url` still names the source file, an edit to an imported file
 * is picked up at once, concurrent runs after an edit agree, caches of
 * checkouts that are gone are removed, and a script
 * that cannot be built is an internal failure (exit 3), an unknown one bad
 * input (exit 2).
 */
import { execFile } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const REPO = join(import.meta.dirname, "../..");
let root: string;

function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [join(root, "scripts/run.mjs"), ...args], { cwd: root, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
    });
  });
}

const greeting = (version: string) => `export const greeting: string = "hello ${version}";\nexport const here = import.meta.url;\n`;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "run-launcher-"));
  mkdirSync(join(root, "scripts/lib"), { recursive: true });
  mkdirSync(join(root, "node_modules"));
  symlinkSync(join(REPO, "node_modules/esbuild"), join(root, "node_modules/esbuild"), "dir");
  copyFileSync(join(REPO, "scripts/run.mjs"), join(root, "scripts/run.mjs"));
  writeFileSync(join(root, "scripts/lib/greeting.ts"), greeting("v1"));
  writeFileSync(
    join(root, "scripts/hello.ts"),
    [
      'import { greeting, here } from "./lib/greeting";',
      "const args: string[] = process.argv.slice(2);",
      "console.log(JSON.stringify({ greeting, here, args }));",
      'process.exitCode = args.includes("--fail") ? 7 : 0;',
      "",
    ].join("\n"),
  );
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("scripts/run.mjs", () => {
  it("runs the script with its arguments, exit code and source-file import.meta.url", async () => {
    const first = await run("hello", "a", "--b");
    expect(first.code, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout)).toEqual({
      greeting: "hello v1",
      here: pathToFileURL(join(root, "scripts/lib/greeting.ts")).href,
      args: ["a", "--b"],
    });
    expect((await run("hello", "--fail")).code).toBe(7);
  });

  it("picks up an edit to an imported file on the next run, and concurrent runs agree", async () => {
    expect(JSON.parse((await run("hello")).stdout).greeting).toBe("hello v1");
    writeFileSync(join(root, "scripts/lib/greeting.ts"), greeting("v2"));
    const runs = await Promise.all([run("hello"), run("hello"), run("hello")]);
    for (const result of runs) {
      expect(result.code, result.stderr).toBe(0);
      expect(JSON.parse(result.stdout).greeting).toBe("hello v2");
    }
  });

  it("removes, when it builds, the caches of checkouts that are gone", async () => {
    const caches = join(root, "node_modules/.cache/artu-scripts");
    const cacheOf = (entry: string, owner: string) => {
      mkdirSync(join(caches, entry), { recursive: true });
      writeFileSync(join(caches, entry, "current.json"), JSON.stringify({ root: owner }));
    };
    cacheOf("hello-gone", join(root, "no-such-checkout"));
    cacheOf("hello-alive", root);
    writeFileSync(join(root, "scripts/lib/greeting.ts"), greeting("v3"));
    expect(JSON.parse((await run("hello")).stdout).greeting).toBe("hello v3");
    expect(existsSync(join(caches, "hello-gone"))).toBe(false);
    expect(existsSync(join(caches, "hello-alive"))).toBe(true);
  });

  it("exits 3 naming the file when the script cannot be built, 2 for an unknown script", async () => {
    writeFileSync(join(root, "scripts/broken.ts"), 'import { missing } from "./lib/nowhere";\nconsole.log(missing);\n');
    const broken = await run("broken");
    expect(broken.code).toBe(3);
    expect(broken.stderr).toMatch(/could not build scripts\/broken\.ts: .*nowhere/s);
    const unknown = await run("no-such-script");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/scripts\/<script>\.ts/);
    expect((await run("../hello")).code).toBe(2);
  });
});
