/**
 * `npm run regenerate -- [--from <url|file|dir>] [--dir <repo root>] [--skip-sdk-check]`
 *
 * The scheduled regeneration, runnable locally (the CI workflow calls it):
 *   1. pull     `scripts/pull.ts --dir <root>/openapi [--from …]` refreshes the snapshot;
 *   2. generate `scripts/generate.ts --spec <root>/openapi/artu.json --out <root>/generated`;
 *   3. drift    the previous snapshot against the new one, with the generated-surface
 *               check unless --skip-sdk-check;
 *   4. write    `<root>/.changeset/artu-api-drift.md` (package name + bump + summary, for
 *               `changeset version`) and the Markdown report `<root>/openapi/DRIFT.md`.
 * When the pulled snapshot equals the previous one nothing is generated or written.
 *
 * Exit codes: 0 done (changed or not), 2 bad input (from pull/generate or a
 * missing snapshot/package.json), 3 internal failure (a bug).
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { parseCliArgs, runCli } from "./lib/cli";
import { countByLevel, type DriftReport } from "./lib/drift/change";
import { CHANGESET_FILE, DRIFT_REPORT_FILE, renderChangeset } from "./lib/drift/changeset";
import { diffSpecs, type SpecInput } from "./lib/drift/diff-specs";
import { runStage } from "./lib/drift/run-stage";
import { renderMarkdown } from "./lib/drift/render-markdown";
import { compareGenerated, generateInto } from "./lib/drift/sdk-check";
import { SpecError } from "./lib/spec/errors";
import { parseOpenApi } from "./lib/spec/load";
import { sameJson } from "./lib/spec/normalize";
import { writeFilesAtomically } from "./lib/spec/write-atomic";

const USAGE = `usage: npm run regenerate -- [--from <url|file|dir>] [--dir <repo root>] [--skip-sdk-check]

  --from <url|file|dir>  passed to npm run pull (default: the snapshot's sources.config.json baseUrl)
  --dir <repo root>      the repository to regenerate (default: the current directory)
  --skip-sdk-check       do not compare the generated surfaces (faster)`;

runCli("regenerate", async () => {
  const args = parseArguments(process.argv.slice(2));
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const root = resolve(args.dir ?? ".");
  const snapshot = join(root, "openapi", "artu.json");
  const packageName = await readPackageName(join(root, "package.json"));
  const previous = await readSnapshot(snapshot, "previous snapshot");

  step("pull", args.from ? `from ${args.from}` : "from the configured baseUrl");
  await runStage("pull.ts", ["--dir", join(root, "openapi"), ...(args.from ? ["--from", args.from] : [])], { cwd: root });
  const next = await readSnapshot(snapshot, "pulled snapshot");
  if (sameJson(previous.document, next.document)) {
    process.stdout.write("regenerate: the snapshot did not change; nothing generated, no changeset written\n");
    return 0;
  }

  step("generate", `${relative(root, snapshot)} → generated/`);
  await runStage("generate.ts", ["--spec", snapshot, "--out", join(root, "generated")], { cwd: root });

  step("drift", `previous snapshot → ${relative(root, snapshot)}${args["skip-sdk-check"] ? "" : " (with the generated-surface check)"}`);
  let report = diffSpecs(previous, next);
  if (!args["skip-sdk-check"]) report = await checkGeneratedSurface(report, previous, join(root, "generated"));
  process.stdout.write(`  ${summarize(report)}\n`);

  const files = [{ path: join(root, DRIFT_REPORT_FILE), content: renderMarkdown(report) }];
  if (report.bump !== "none") files.push({ path: join(root, ".changeset", CHANGESET_FILE), content: renderChangeset(packageName, report) });
  await writeFilesAtomically(files);
  step("write", files.map((file) => relative(root, file.path)).join(", "));
  process.stdout.write(`regenerate: done: ${report.bump} bump for ${packageName}\n`);
  return 0;
});

function parseArguments(argv: string[]) {
  return parseCliArgs(
    argv,
    {
      from: { type: "string" },
      dir: { type: "string" },
      "skip-sdk-check": { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
    USAGE,
  );
}

function step(name: string, detail: string): void {
  process.stdout.write(`regenerate: ${name}: ${detail}\n`);
}

function summarize(report: DriftReport): string {
  const counts = countByLevel(report.changes);
  return `bump ${report.bump}: ${counts.breaking} breaking, ${counts.warning} warning(s), ${counts.info} info`;
}

async function readSnapshot(path: string, what: string): Promise<SpecInput> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    throw new SpecError({ source: path }, `cannot read the ${what}: ${(error as Error).message}`);
  }
  return { document: parseOpenApi(text, path), source: `${path} (${what})` };
}

async function readPackageName(path: string): Promise<string> {
  let name: unknown;
  try {
    name = (JSON.parse(await readFile(path, "utf8")) as { name?: unknown }).name;
  } catch (error) {
    throw new SpecError({ source: path }, `cannot read the package name: ${(error as Error).message}`);
  }
  if (typeof name !== "string" || name === "") throw new SpecError({ source: path, pointer: "/name" }, "expected the package name");
  return name;
}

/** Generates the previous snapshot into a temporary directory and compares it with the freshly generated code. */
async function checkGeneratedSurface(report: DriftReport, previous: SpecInput, generated: string): Promise<DriftReport> {
  const scratch = await mkdtemp(join(tmpdir(), "artu-regenerate-"));
  try {
    await generateInto(previous, join(scratch, "previous"));
    return await compareGenerated(report, join(scratch, "previous"), generated);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

