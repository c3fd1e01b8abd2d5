/**
 * `npm run regenerate -- [--from <url|file|dir>] [--dir <repo root>] [--skip-sdk-check]`
 *
 * The scheduled regeneration, runnable locally (the CI workflow calls it):
 *   1. pull     `scripts/pull.ts --dir <root>/openapi [--from …]` refreshes the snapshot;
 *   2. generate `scripts/generate.ts --spec <root>/openapi/artu.json --out <root>/generated`,
 *               then `scripts/build-api-docs.ts --dir <root>` (docs/api.md), so that
 *               everything generated is refreshed together and the tree passes its own
 *               staleness tests (generate does the docs itself for this project's root);
 *   3. drift    the previous snapshot against the new one, with the generated-surface
 *               check unless --skip-sdk-check;
 *   4. write    `<root>/.changeset/artu-api-drift.md` (package name + release type +
 *               summary, for `changeset version`; 0.x packages bump minor for a breaking
 *               drift, see releaseTypeFor) and the Markdown report `<root>/openapi/DRIFT.md`.
 * When the pulled snapshot equals the previous one nothing is generated or written.
 *
 * Exit codes: 0 done (changed or not), 2 bad input (from a stage or a
 * missing snapshot/package.json), 3 internal failure (a bug, in this script
 * or a stage). Never 1: drift findings are the report's business, not a failure.
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { generatesProjectClient, PROJECT_OUTPUT, PROJECT_SNAPSHOT } from "./lib/api-docs/project-docs";
import { EXIT, parseCliArgs, runCli } from "./lib/cli";
import { releaseTypeFor } from "./lib/drift/bump";
import { countByLevel, type DriftReport } from "./lib/drift/change";
import { CHANGESET_FILE, DRIFT_REPORT_FILE, renderChangeset, type PackageVersion } from "./lib/drift/changeset";
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
  --skip-sdk-check       do not compare the generated surfaces (faster)

Exit codes: 0 done (the snapshot changed or not), 2 bad input (unreadable or invalid spec,
external $ref, missing snapshot or package.json), 3 internal failure (a bug, in this script
or a stage). Drift findings never fail it: they go to openapi/DRIFT.md and the changeset.`;

runCli("regenerate", async () => {
  const args = parseArguments(process.argv.slice(2));
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return EXIT.done;
  }
  const root = resolve(args.dir ?? ".");
  const snapshot = join(root, PROJECT_SNAPSHOT);
  const generated = join(root, PROJECT_OUTPUT);
  const pkg = await readPackage(join(root, "package.json"));
  const previous = await readSnapshot(snapshot, "previous snapshot");

  step("pull", args.from ? `from ${args.from}` : "from the configured baseUrl");
  await runStage("pull.ts", ["--dir", join(root, "openapi"), ...(args.from ? ["--from", args.from] : [])], { cwd: root });
  const next = await readSnapshot(snapshot, "pulled snapshot");
  if (sameJson(previous.document, next.document)) {
    process.stdout.write("regenerate: the snapshot did not change; nothing generated, no changeset written\n");
    return EXIT.done;
  }

  try {
    return await generateAndReport({ root, snapshot, generated, pkg, previous, next, sdkCheck: !args["skip-sdk-check"] });
  } catch (error) {
    // Put the previous snapshot back: a rerun then sees the change again and retries, instead of
    // finding the snapshot "unchanged" beside a generated/ and docs that were never refreshed.
    await writeFilesAtomically([{ path: snapshot, content: previous.text }]);
    process.stderr.write(`regenerate: restored the previous ${relative(root, snapshot)} so that a rerun retries\n`);
    throw error;
  }
});

interface Run {
  readonly root: string;
  readonly snapshot: string;
  readonly generated: string;
  readonly pkg: PackageVersion;
  readonly previous: SpecInput;
  readonly next: SpecInput;
  readonly sdkCheck: boolean;
}

async function generateAndReport({ root, snapshot, generated, pkg, previous, next, sdkCheck }: Run): Promise<number> {
  step("generate", `${relative(root, snapshot)} → generated/ and docs/api.md`);
  await runStage("generate.ts", ["--spec", snapshot, "--out", generated], { cwd: root });
  if (!generatesProjectClient(snapshot, generated)) await runStage("build-api-docs.ts", ["--dir", root], { cwd: root });

  step("drift", `previous snapshot → ${relative(root, snapshot)}${sdkCheck ? " (with the generated-surface check)" : ""}`);
  let report = diffSpecs(previous, next);
  if (sdkCheck) report = await checkGeneratedSurface(report, previous, generated);
  process.stdout.write(`  ${summarize(report)}\n`);

  const files = [{ path: join(root, DRIFT_REPORT_FILE), content: renderMarkdown(report) }];
  if (report.bump !== "none") files.push({ path: join(root, ".changeset", CHANGESET_FILE), content: renderChangeset(pkg, report) });
  await writeFilesAtomically(files);
  step("write", files.map((file) => relative(root, file.path)).join(", "));
  const release = report.bump === "none" ? "no" : `${releaseTypeFor(report.bump, pkg.version)} release of ${pkg.version}`;
  process.stdout.write(`regenerate: done: ${report.bump} drift, ${release} for ${pkg.name}\n`);
  return EXIT.done;
}

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

async function readSnapshot(path: string, what: string): Promise<SpecInput & { text: string }> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    throw new SpecError({ source: path }, `cannot read the ${what}: ${(error as Error).message}`);
  }
  return { document: parseOpenApi(text, path), source: `${path} (${what})`, text };
}

async function readPackage(path: string): Promise<PackageVersion> {
  let json: { name?: unknown; version?: unknown };
  try {
    json = JSON.parse(await readFile(path, "utf8")) as typeof json;
  } catch (error) {
    throw new SpecError({ source: path }, `cannot read the package name: ${(error as Error).message}`);
  }
  const { name, version } = json;
  if (typeof name !== "string" || name === "") throw new SpecError({ source: path, pointer: "/name" }, "expected the package name");
  if (typeof version !== "string" || !/^\d+\.\d+\.\d+/.test(version)) {
    throw new SpecError({ source: path, pointer: "/version" }, `expected a semver version, got ${JSON.stringify(version)}`);
  }
  return { name, version };
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

