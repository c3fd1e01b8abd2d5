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
import { parseCliArgs, runCli } from "./lib/cli";
import { measureBundleSize } from "./bench/bundle-size";
import { measureConsumerTypecheck } from "./bench/consumer-tsc";
import { measureEmulatorThroughput } from "./bench/emulator";
import { measureGenerate } from "./bench/generate";
import { round, type Row } from "./bench/measure";
import { measureRequestOverhead } from "./bench/request-overhead";
import { benchSyncPlanning } from "./bench/sync-planning";

const GITHUB_SPEC = "node_modules/@octokit/openapi/generated/api.github.com.json";
const ALL = ["generate", "requests", "tsc", "sync", "bundle", "emulator"] as const;

runCli("bench", async () => {
  const args = parseCliArgs(process.argv.slice(2), {
    quick: { type: "boolean", default: false },
    only: { type: "string", default: ALL.join(",") },
    out: { type: "string", default: "bench/results.json" },
  });
  const only = new Set(String(args.only).split(","));
  const quick = Boolean(args.quick);
  const rows: Row[] = [];
  const section = async (name: (typeof ALL)[number], measure: () => Row[] | Promise<Row[]>) => {
    if (!only.has(name)) return;
    process.stderr.write(`bench: ${name}…\n`);
    rows.push(...(await measure()));
  };

  await section("generate", () => [
    ...measureGenerate({ label: "ARTU snapshot (95 ops)", file: "openapi/artu.json", target: "≤ 1.3×" }, quick ? 3 : 7),
    ...measureGenerate({ label: "GitHub REST (@octokit/openapi)", file: GITHUB_SPEC, target: "≤ 1.5×" }, quick ? 1 : 3),
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
    `${row.value} ${row.unit}`,
    row.baseline,
    `${row.baselineValue} ${row.unit}`,
    row.ratio === undefined ? "" : `${row.ratio}×`,
    row.target ?? "",
    row.peakRssMb === undefined ? "" : `${row.peakRssMb} vs ${row.baselinePeakRssMb ?? "?"}`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const format = (cells: readonly string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(" | ")} |`;
  return [format(header), format(widths.map((w) => "-".repeat(w))), ...lines.map(format)].join("\n");
}
