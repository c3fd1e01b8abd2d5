/**
 * `npm run generate` against openapi-typescript alone on the same spec, both
 * as the commands a developer runs (fresh Node processes, so start-up and
 * module loading count, and so does checking that the bundle of our scripts
 * is current: scripts/run.mjs),
 * alternated round by round; peak RSS per command (main thread and workers
 * together), and the median time of each generate stage as the CLI reports
 * it (model, schema, emit, format on the main thread; validators: the wait
 * for its worker once the rest was done).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { median, round, type Row } from "./measure";

const PEAK_RSS = new URL("./report-peak-rss.mjs", import.meta.url).pathname;

interface Run {
  ms: number;
  peakRssMb: number;
  stdout: string;
}

/** `warmUp: false` for the large specs, where one unmeasured run of each would take minutes. */
export function measureGenerate(spec: { label: string; file: string; target: string }, rounds = 5, warmUp = true): Row[] {
  const work = mkdtempSync(join(tmpdir(), "artu-bench-generate-"));
  try {
    const baseline = () =>
      timed([
        "node_modules/openapi-typescript/bin/cli.js",
        spec.file,
        "--output",
        join(work, "schema.ts"),
        "--default-non-nullable=false",
        "--empty-objects-unknown",
      ]);
    // What `npm run generate` runs.
    const candidate = () => timed(["--expose-gc", "scripts/run.mjs", "generate", "--spec", spec.file, "--out", join(work, "generated")]);
    if (warmUp) {
      baseline(); // warm the file cache for both
      candidate();
    }
    const b: Run[] = [];
    const c: Run[] = [];
    for (let i = 0; i < rounds; i++) {
      b.push(baseline());
      c.push(candidate());
    }
    const value = median(c.map((r) => r.ms));
    const stages = medianStages(c.map((r) => stagesOf(r.stdout)));
    const baselineValue = median(b.map((r) => r.ms));
    return [
      {
        name: `generate, ${spec.label}`,
        baseline: "openapi-typescript CLI alone",
        value: Math.round(value),
        baselineValue: Math.round(baselineValue),
        unit: "ms",
        ratio: round(value / baselineValue),
        target: spec.target,
        peakRssMb: Math.max(...c.map((r) => r.peakRssMb)),
        baselinePeakRssMb: Math.max(...b.map((r) => r.peakRssMb)),
        stages,
      },
    ];
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function timed(args: readonly string[]): Run {
  const started = performance.now();
  const result = spawnSync(process.execPath, ["--import", PEAK_RSS, ...args], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  const ms = performance.now() - started;
  if (result.status !== 0) throw new Error(`${args.join(" ")} failed (${result.status}):\n${result.stderr}`);
  const peak = /BENCH_PEAK_RSS_MB=(\d+)/.exec(result.stderr);
  return { ms, peakRssMb: peak ? Number(peak[1]) : Number.NaN, stdout: result.stdout };
}

/** `model 12 ms, emit 34 ms, …` from generate's summary line. */
export function stagesOf(stdout: string): Record<string, number> {
  return Object.fromEntries([...stdout.matchAll(/(\w+) (\d+) ms/g)].map((match) => [match[1]!, Number(match[2])]));
}

function medianStages(runs: readonly Record<string, number>[]): Record<string, number> {
  const names = [...new Set(runs.flatMap((run) => Object.keys(run)))];
  return Object.fromEntries(names.map((name) => [name, Math.round(median(runs.map((run) => run[name] ?? 0)))]));
}
