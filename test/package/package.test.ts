/**
 * The npm package as a user gets it: one `npm run build`, one `npm pack`, one
 * install of the tarball into a fresh project under os.tmpdir(); then the
 * tarball's contents, publint, arethetypeswrong, a strict TypeScript consumer
 * (bundler and node16 resolution), ESM and CommonJS scripts against the
 * packaged emulator, and the `artu-emulator` bin through npx.
 */
import { spawn } from "node:child_process";
import { mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { publint } from "publint";
import { formatMessage } from "publint/utils";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NPX, ROOT, run } from "./support/commands";
import { TSCONFIGS, createConsumer } from "./support/consumer";
import { buildAndPack, rootPackageJson, type PackedPackage } from "./support/pack";
import { importSpecifiers, packageOf } from "./support/specifiers";

const ATTW = join(ROOT, "node_modules/@arethetypeswrong/cli/dist/index.js");
const TSC = ["node_modules/typescript/bin/tsc"];
/** Generous: under a full `npm test` these child processes share 2 cores with every other test file. */
const CHILD_TIMEOUT = 120_000;

const EXPECTED_FILES = [
  "CHANGELOG.md",
  "LICENSE",
  "README.md",
  "dist/artu-emulator.js",
  "dist/emulator.cjs",
  "dist/emulator.d.cts",
  "dist/emulator.d.ts",
  "dist/emulator.js",
  "dist/index.cjs",
  "dist/index.d.cts",
  "dist/index.d.ts",
  "dist/index.js",
  "dist/validators.js",
  "package.json",
];

/** Tools that generate the package; none of them may be loaded by what it ships. */
const BUILD_TIME_PACKAGES = ["ts-morph", "prettier", "openapi-typescript", "@redocly/openapi-core", "typescript", "tsx", "tsup", "esbuild", "yaml"];

let work: string;
let packed: PackedPackage;
let consumer: string;
let installed: string;
const timings: Record<string, number> = {};

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "artu-package-"));
  packed = await buildAndPack(work);
  consumer = join(work, "consumer");
  const { installMs } = await createConsumer(consumer, packed.tarball);
  installed = join(consumer, "node_modules/artu-compliance-client");
  Object.assign(timings, packed.timings, { installMs });
}, 300_000);

afterAll(async () => {
  if (Object.keys(timings).length) console.info(`package check timings (ms): ${JSON.stringify(timings)}`);
  if (work) await rm(work, { recursive: true, force: true });
});

async function shippedScripts(): Promise<Record<string, string>> {
  const dist = join(installed, "dist");
  const files: Record<string, string> = {};
  for (const name of await readdir(dist)) files[`dist/${name}`] = await readFile(join(dist, name), "utf8");
  return files;
}

describe("the packed tarball", () => {
  it("holds dist, README, CHANGELOG, LICENSE and package.json only", () => {
    const paths = packed.files.map((file) => file.path).sort();
    // Besides the named files: the ESM build's chunks (content-hashed names), loaded by dist/index.js and dist/emulator.js.
    const chunks = paths.filter((path) => /^dist\/[a-z-]+-[A-Z0-9]{8}\.js$/.test(path));
    expect(chunks.length).toBeGreaterThan(0);
    expect(paths.filter((path) => !chunks.includes(path))).toEqual(EXPECTED_FILES);
    expect(packed.size).toBeLessThan(1_000_000);
  });

  it("ships the bin executable, with its shebang, loading the emulator entry instead of a second copy", async () => {
    const bin = packed.files.find((file) => file.path === "dist/artu-emulator.js")!;
    expect(bin.mode & 0o111).toBe(0o111);
    const text = await readFile(join(installed, "dist/artu-emulator.js"), "utf8");
    expect(text.startsWith("#!/usr/bin/env node\n")).toBe(true);
    expect(importSpecifiers(text)).toContain("./emulator.js");
    expect(bin.size).toBeLessThan(20_000);
  });

  it("embeds the emulator's snapshot: no file outside dist/ is read or imported", async () => {
    const scripts = await shippedScripts();
    for (const entry of ["dist/emulator.js", "dist/emulator.cjs"]) {
      expect(scripts[entry], entry).toContain('"/clients/{id}/migrate"');
      expect(scripts[entry], entry).not.toMatch(/\b(?:readFileSync|readFile|createRequire)\b|import\.meta\.url|__dirname/);
      expect(importSpecifiers(scripts[entry]!).filter((specifier) => specifier.endsWith(".json")), entry).toEqual([]);
    }
  });

  it("loads only node builtins, its own files and its declared dependencies; no build-time tool is reachable", async () => {
    const dependencies = Object.keys(rootPackageJson().dependencies ?? {});
    const loaded = new Map<string, string[]>();
    for (const [file, text] of Object.entries(await shippedScripts())) {
      for (const specifier of importSpecifiers(text)) {
        const name = packageOf(specifier);
        if (specifier.startsWith(".")) expect(packed.files.map((f) => f.path), `${file} imports ${specifier}`).toContain(`dist/${specifier.replace(/^\.\//, "")}`);
        else if (name !== undefined) loaded.set(name, [...(loaded.get(name) ?? []), file]);
      }
    }
    for (const tool of BUILD_TIME_PACKAGES) expect(loaded.get(tool), `${tool} is imported by ${loaded.get(tool)?.join(", ")}`).toBeUndefined();
    expect([...loaded.keys()].filter((name) => !dependencies.includes(name))).toEqual([]);
    // The runtime dependencies are really used: openapi-fetch by the client, ajv and openapi-sampler by the emulator.
    expect([...loaded.keys()].sort()).toEqual(expect.arrayContaining(["ajv", "ajv-formats", "openapi-fetch", "openapi-sampler"]));
  });

  it("passes publint (strict) with no message at all", async () => {
    const tarball = await readFile(packed.tarball);
    const { messages, pkg } = await publint({ pack: { tarball: tarball.buffer.slice(tarball.byteOffset, tarball.byteOffset + tarball.byteLength) }, strict: true });
    expect(messages.map((message) => `${message.type}: ${formatMessage(message, pkg) ?? message.code}`)).toEqual([]);
  });

  it("passes arethetypeswrong (node16 from CJS and ESM, bundler) with no problem", async () => {
    const result = await run(process.execPath, [ATTW, packed.tarball, "--profile", "node16", "--format", "json"], work);
    timings.attwMs = result.ms;
    const { analysis } = JSON.parse(result.stdout) as { analysis: { problems: { kind: string; entrypoint: string; resolutionKind?: string }[]; entrypoints: Record<string, unknown> } };
    // The node16 profile leaves node10 (no `exports` support) out, as the exit code does.
    expect(analysis.problems.filter((problem) => problem.resolutionKind !== "node10")).toEqual([]);
    expect(Object.keys(analysis.entrypoints).sort()).toEqual([".", "./emulator", "./package.json"]);
    expect(result.code, result.stderr).toBe(0);
  }, CHILD_TIMEOUT);
});

describe.concurrent("a fresh project that installed the tarball", () => {
  for (const resolution of Object.keys(TSCONFIGS)) {
    it(`type-checks a strict consumer with moduleResolution ${resolution} (every @ts-expect-error used)`, async ({ expect }) => {
      const result = await run(process.execPath, [join(consumer, ...TSC), "-p", `tsconfig.${resolution}.json`], consumer);
      timings[`tsc ${resolution}Ms`] = result.ms;
      expect(`${result.stdout}${result.stderr}`).toBe("");
      expect(result.code).toBe(0);
    }, CHILD_TIMEOUT);
  }

  for (const [script, build] of [
    ["esm.mjs", { index: "dist/index.js", emulator: "dist/emulator.js" }],
    ["cjs.cjs", { index: "dist/index.cjs", emulator: "dist/emulator.cjs" }],
  ] as const) {
    it(`runs ${script} with node: emulator, client, sync plan applied, migrate blocked then completed`, async ({ expect }) => {
      const result = await run(process.execPath, [script], consumer, CHILD_TIMEOUT);
      timings[`${script}Ms`] = result.ms;
      expect(result.stderr).toBe("");
      expect(result.code).toBe(0);
      const output = JSON.parse(result.stdout);
      expect(output.resolved.map((path: string) => relative(installed, path.replace(/^file:\/\//, "")))).toEqual([build.index, build.emulator]);
      // Reported once although the drifting response came twice.
      expect(output.drift).toEqual([{ operationId: "clients.retrieve", pointer: "/riskLevel", kind: "unknown-property" }]);
      expect(output).toMatchObject({
        emulatorUrl: true,
        created: { name: "Ana", sameIdRetrieved: true },
        missing: { notFound: true, apiError: true, error: true, status: 404, code: "NOT_FOUND" },
        sync: {
          requests: 1,
          summary: { addresses: { create: 1, update: 0, delete: 0, unchanged: 0 }, contactMethods: { create: 1, update: 0, delete: 0, unchanged: 0 } },
          responses: 1,
          replanRequests: 0,
          addresses: ["home"],
          contactMethods: ["ana@example.mx"],
        },
        migrate: {
          first: "blocked: missing-external-id",
          firstIsBlocked: true,
          second: "completed",
          action: "created",
          liveClient: { name: "Ana", externalId: "ana-1", addresses: 1 },
        },
      });
    }, CHILD_TIMEOUT);
  }

  it("runs the artu-emulator bin through npx: prints the URL and the key, serves, stops on SIGTERM", async ({ expect }) => {
    const started = performance.now();
    const child = spawn(NPX, ["artu-emulator", "--port", "0"], { cwd: consumer, detached: true, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    // "close": every process holding the output pipes (npm, then the bin it started) has exited.
    const closed = new Promise<void>((resolve) => child.once("close", () => resolve()));
    try {
      const url = await waitFor(() => /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout)?.[1], 30_000, () => `stdout: ${stdout}\nstderr: ${stderr}`);
      timings.binStartMs = Math.round(performance.now() - started);
      expect(stdout).toMatch(/API key: sk_test_emulator\b/);
      const response = await fetch(`${url}/clients/00000000-0000-4000-8000-000000000000`, {
        headers: { authorization: "Bearer sk_test_emulator", "x-environment": "test" },
      });
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ code: "NOT_FOUND" });
    } finally {
      // The whole group npx started: npm, its shell and the bin.
      process.kill(-child.pid!, "SIGTERM");
    }
    await closed;
    expect(stdout).toMatch(/received SIGTERM, stopping/);
  }, CHILD_TIMEOUT);
});

async function waitFor<T>(probe: () => T | undefined, timeoutMs: number, describeState: () => string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms\n${describeState()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
