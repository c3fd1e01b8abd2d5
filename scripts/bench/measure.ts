/** Measurement helpers shared by the benchmarks: medians over rounds, child-process runs with peak memory. */
import { spawnSync } from "node:child_process";

export interface Row {
  /** What is measured. */
  readonly name: string;
  /** The baseline it is compared with, measured in the same run. */
  readonly baseline: string;
  readonly value: number;
  readonly baselineValue: number;
  readonly unit: string;
  /** value / baselineValue, or undefined for absolute figures. */
  readonly ratio?: number;
  readonly target?: string;
  readonly peakRssMb?: number;
  readonly baselinePeakRssMb?: number;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Runs a bench child script (tsx) that prints one JSON line `{ ms, peakRssMb }` on stdout. */
export function runChild(script: string, args: readonly string[]): { ms: number; peakRssMb: number } {
  const result = spawnSync(process.execPath, ["--import", "tsx", script, ...args], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) {
    throw new Error(`${script} ${args.join(" ")} failed (${result.status}):\n${result.stderr}`);
  }
  const last = result.stdout.trim().split("\n").at(-1)!;
  return JSON.parse(last) as { ms: number; peakRssMb: number };
}

/** Alternates baseline and candidate runs so drift in machine load hits both alike. */
export function interleave(
  rounds: number,
  baseline: () => { ms: number; peakRssMb: number },
  candidate: () => { ms: number; peakRssMb: number },
): { baseline: { ms: number; peakRssMb: number }; candidate: { ms: number; peakRssMb: number } } {
  const b: { ms: number; peakRssMb: number }[] = [];
  const c: { ms: number; peakRssMb: number }[] = [];
  for (let i = 0; i < rounds; i++) {
    b.push(baseline());
    c.push(candidate());
  }
  const summarize = (runs: typeof b) => ({
    ms: median(runs.map((r) => r.ms)),
    peakRssMb: Math.max(...runs.map((r) => r.peakRssMb)),
  });
  return { baseline: summarize(b), candidate: summarize(c) };
}

export function peakRssMb(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}
