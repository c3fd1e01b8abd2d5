/**
 * Shared plumbing for the generate tests: temp dirs, running the real CLI,
 * reading output trees, and type-checking generated code with tsc.
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const SPECS = join(ROOT, "test/fixtures/specs");
export const GITHUB_SPEC = join(ROOT, "node_modules/@octokit/openapi/generated/api.github.com.json");
const TSX = join(ROOT, "node_modules/tsx/dist/cli.mjs");
const TSC = join(ROOT, "node_modules/typescript/bin/tsc");

export function spec(name: string): string {
  return join(SPECS, name);
}

const created: string[] = [];

export async function tempDir(prefix = "generate-"): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  created.push(dir);
  return dir;
}

export async function removeTempDirs(): Promise<void> {
  await Promise.all(created.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}

export interface RunResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

function run(command: string, args: readonly string[], timeoutMs: number): Promise<RunResult> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd: ROOT, timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** `npm run generate -- …` without npm: the same script through tsx. */
export function runGenerate(args: readonly string[], timeoutMs = 120_000): Promise<RunResult> {
  return run(process.execPath, [TSX, "scripts/generate.ts", ...args], timeoutMs);
}

/** Every file under `dir` (relative path → content); a missing dir gives undefined. */
export async function readTree(dir: string): Promise<Record<string, string> | undefined> {
  if (!existsSync(dir)) return undefined;
  const tree: Record<string, string> = {};
  for (const entry of (await readdir(dir, { recursive: true, withFileTypes: true })).sort((a, b) =>
    join(a.parentPath, a.name).localeCompare(join(b.parentPath, b.name)),
  )) {
    if (entry.isFile()) {
      const path = join(entry.parentPath, entry.name);
      tree[relative(dir, path)] = await readFile(path, "utf8");
    }
  }
  return tree;
}

/** The runtime entry generated code is compiled against (path without extension). */
export const RUNTIME_ENTRY = join(ROOT, "src/internal");

/**
 * Type-checks `files` (strict, the project's module settings) and returns the
 * diagnostics located under `dir`: code others are changing elsewhere cannot
 * make these tests fail, but any error in generated (or test usage) code does.
 */
export async function typecheck(dir: string, files: readonly string[], timeoutMs = 120_000): Promise<string[]> {
  const tsconfig = join(dir, "tsconfig.json");
  await writeFile(
    tsconfig,
    JSON.stringify({
      compilerOptions: {
        target: "ES2022",
        lib: ["ES2023", "DOM", "DOM.Iterable"],
        module: "ESNext",
        moduleResolution: "Bundler",
        strict: true,
        noImplicitOverride: true,
        isolatedModules: true,
        verbatimModuleSyntax: true,
        skipLibCheck: true,
        noEmit: true,
        types: ["node"],
        typeRoots: [join(ROOT, "node_modules/@types")],
      },
      files,
    }),
  );
  const { stdout } = await run(process.execPath, [TSC, "-p", tsconfig, "--pretty", "false"], timeoutMs);
  const prefixes = [`${dir}/`, `${relative(ROOT, dir)}/`];
  const located = (line: string) => /\(\d+,\d+\): error/.test(line) && prefixes.some((prefix) => line.startsWith(prefix));
  // Errors without a file (a bad tsconfig, a missing input) always count.
  return stdout.split("\n").filter((line) => located(line) || /^error TS/.test(line));
}

/** The generate stage in-process (as the CLI runs it), with a chosen runtime entry for the imports. */
export async function generateInto(specFile: string, out: string, runtime: string): Promise<void> {
  const { generateFiles } = await import("../../scripts/lib/emit/generate-files");
  const { replaceOutputDirectory } = await import("../../scripts/lib/emit/output-dir");
  const { runtimeImportFor } = await import("../../scripts/lib/emit/runtime-import");
  const { loadOpenApiFile } = await import("../../scripts/lib/spec/load");
  const { files } = await generateFiles({ document: await loadOpenApiFile(specFile), source: specFile }, { runtimeImport: runtimeImportFor(out, runtime) });
  await replaceOutputDirectory(out, files);
}

/**
 * Generates `specFile` into `<root>/generated`, writes `usage` beside it as
 * use.ts (for `typecheck`), and returns the generated resources bound by the
 * real runtime client against `baseUrl` (a loopback test server).
 */
export async function generatedClient<T>(specFile: string, root: string, usage: string, baseUrl: string): Promise<T> {
  await generateInto(specFile, join(root, "generated"), RUNTIME_ENTRY);
  await writeFile(join(root, "use.ts"), usage);
  const operations = (await import(join(root, "generated", "operations.ts"))) as { createResources: (binder: never) => unknown };
  const { assembleClient } = await import("../../src/client/assemble");
  const options = { apiKey: "sk_test_generated_client", environment: "test", baseUrl } as const;
  return assembleClient(options, operations.createResources as (binder: unknown) => unknown) as T;
}
