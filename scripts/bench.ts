/**
 * `npm run bench [-- --quick] [-- --only generate,requests,tsc,sync,bundle,emulator]`:
 * every figure next to its baseline measured in the same run (medians of
 * rounds, alternated), printed as a table and written to bench/results.json
 * so that runs can be compared over time. Not part of `npm test`: machines
 * are noisy, so these are figures to read, not pass/fail checks.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { CliError, parseCliArgs, runCli } from "./lib/cli";
import { measureBundleSize } from "./bench/bundle-size";
import { measureConsumerTypecheck } from "./bench/consumer-tsc";
import { measureEmulatorThroughput } from "./bench/emulator";
import { measureGenerate } from "./bench/generate";
import { fetchLargeSpecs, LARGE_SPECS } from "./bench/large-specs";
import { round, type Row } from "./bench/measure";
import { measureRequestOverhead } from "./bench/request-overhead";
import { benchSyncPlanning } from "./bench/sync-planning";

const GITHUB_SPEC = "node_modules/@octokit/openapi/generated/api.github.com.json";
const ALL = ["generate", "requests", "tsc", "sync", "bundle", "emulator"] as const;
/** Issue 13: at every size, generate within 1.5× openapi-typescript's time and peak memory. */
const GENERATE_TARGET = "≤ 1.5× (time and peak RSS)";

const USAGE = `usage: npm run bench -- [--quick] [--only <sections>] [--out <file>]

  --quick            fewer rounds (a first look; the figures are noisier)
  --only <sections>  comma-separated, from: ${ALL.join(", ")} (default: all)
  --out <file>       where the results go as JSON (default bench/results.json)

Exit codes: 0 measured (a figure over its target is printed, not a failure: machines are noisy);
2 bad arguments; 3 internal failure (a bug, or a measured command that failed; one line on stderr).`;

runCli("bench", async () => {
  const args = parseCliArgs(
    process.argv.slice(2),
    {
      quick: { type: "boolean", default: false },
      only: { type: "string", default: ALL.join(",") },
      out: { type: "string", default: "bench/results.json" },
      help: { type: "boolean", short: "h", default: false },
    },
    USAGE,
  );
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const only = new Set(String(args.only).split(","));
  const unknown = [...only].filter((name) => !(ALL as readonly string[]).includes(name));
  if (unknown.length > 0) throw new CliError(`--only: unknown section(s) ${unknown.join(", ")}\n${USAGE}`);
  const quick = Boolean(args.quick);
  const rows: Row[] = [];
  const section = async (name: (typeof ALL)[number], measure: () => Row[] | Promise<Row[]>) => {
    if (!only.has(name)) return;
    process.stderr.write(`bench: ${name}…\n`);
    rows.push(...(await measure()));
  };

  await section("generate", () => [
    ...measureGenerate({ label: "ARTU snapshot (95 ops)", file: "openapi/artu.json", target: GENERATE_TARGET }, quick ? 3 : 7),
    ...measureGenerate({ label: "GitHub REST (@octokit/openapi, 1,223 ops)", file: GITHUB_SPEC, target: GENERATE_TARGET }, quick ? 1 : 3),
    ...largeSpecRows(),
  ]);
  await section("requests", () => measureRequestOverhead({ requests: quick ? 500 : 2_000, rounds: quick ? 3 : 7 }));
  await section("tsc", () => {
    build();
    return measureConsumerTypecheck(quick ? 3 : 5);
  });
  await section("sync", () => syncRows(quick));
  await section("bundle", () => measureBundleSize());
  await section("emulator", () => measureEmulatorThroughput(quick ? { iterations: 60, rounds: 3 } : {}));

  process.stdout.write(`${renderTable(rows)}\n`);
  const staged = rows.filter((row) => row.stages);
  if (staged.length > 0) process.stdout.write(`\n${renderStages(staged)}\n`);
  for (const row of rows.filter((row) => row.skipped)) process.stdout.write(`\nskipped: ${row.name}: ${row.skipped}\n`);
  const results = {
    date: new Date().toISOString(),
    node: process.version,
    cpus: cpus().length,
    quick,
    rows,
  };
  mkdirSync("bench", { recursive: true });
  writeFileSync(String(args.out), `${JSON.stringify(results, null, 2)}\n`);
  process.stderr.write(`bench: results written to ${args.out}\n`);
});

/** The large public specs, fetched on demand (one round each: a Graph round takes minutes); a row with a note when absent or failing. */
function largeSpecRows(): Row[] {
  return fetchLargeSpecs().flatMap((fetched, i) => {
    const label = LARGE_SPECS[i]!.label;
    const skipped = (reason: string): Row[] => [
      { name: `generate, ${label}`, baseline: "openapi-typescript CLI alone", value: Number.NaN, baselineValue: Number.NaN, unit: "ms", skipped: reason },
    ];
    if ("missing" in fetched) return skipped(fetched.missing);
    try {
      return measureGenerate({ label, file: fetched.file, target: GENERATE_TARGET }, 1, false);
    } catch (error) {
      return skipped((error as Error).message.split("\n").filter(Boolean).slice(0, 3).join(" / "));
    }
  });
}

function syncRows(quick: boolean): Row[] {
  const figures = benchSyncPlanning({ sizes: [1_000, 10_000, 100_000], runs: quick ? 3 : 9 });
  return figures.map((figure) => ({
    name: `sync planning, ${figure.items.toLocaleString("en")} items (addresses.sync, externalId match)`,
    baseline: figure.growth === undefined ? "—" : "previous size (10× fewer items)",
    value: figure.minMs,
    baselineValue: figure.growth === undefined ? figure.minMs : round(figure.minMs / figure.growth),
    unit: "ms",
    ratio: figure.growth,
    target:
      figure.items === 10_000
        ? "≤ 50 ms; growth ≤ 11×"
        : figure.growth === undefined
          ? undefined
          : `growth ≤ 11× (bare Map: ${figure.baselineGrowth}×)`,
  }));
}

function build(): void {
  const result = spawnSync("npm", ["run", "-s", "build"], { encoding: "utf8", stdio: ["ignore", "ignore", "pipe"] });
  if (result.status !== 0) throw new Error(`npm run build failed:\n${result.stderr}`);
}

function renderTable(rows: readonly Row[]): string {
  const header = ["figure", "value", "baseline", "baseline value", "ratio", "target", "peak RSS (MB)"];
  const lines = rows.map((row) => [
    row.name,
    row.skipped ? "skipped (see below)" : `${row.value} ${row.unit}`,
    row.baseline,
    row.skipped ? "" : `${row.baselineValue} ${row.unit}`,
    row.ratio === undefined ? "" : `${row.ratio}×`,
    row.target ?? "",
    row.peakRssMb === undefined ? "" : `${row.peakRssMb} vs ${row.baselinePeakRssMb ?? "?"}${rssRatio(row)}`,
  ]);
  return markdownTable(header, lines);
}

function rssRatio(row: Row): string {
  return row.baselinePeakRssMb ? ` (${round(row.peakRssMb! / row.baselinePeakRssMb)}×)` : "";
}

/** Generate's stages per spec: main-thread stages, then the waits for the workers, against the whole run and openapi-typescript alone. */
function renderStages(rows: readonly Row[]): string {
  const names = [...new Set(rows.flatMap((row) => Object.keys(row.stages!)))].filter((name) => name !== "total");
  const header = ["generate stages (ms, median)", ...names, "in-process total", "wall", "openapi-typescript alone", "time ratio", "peak RSS ratio"];
  const lines = rows.map((row) => [
    row.name.replace(/^generate, /, ""),
    ...names.map((name) => String(row.stages![name] ?? "")),
    String(row.stages!.total ?? ""),
    String(row.value),
    String(row.baselineValue),
    row.ratio === undefined ? "" : `${row.ratio}×`,
    rssRatio(row).replace(/[ ()]/g, ""),
  ]);
  return markdownTable(header, lines);
}

function markdownTable(header: readonly string[], lines: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const format = (cells: readonly string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(" | ")} |`;
  return [format(header), format(widths.map((w) => "-".repeat(w))), ...lines.map(format)].join("\n");
}
