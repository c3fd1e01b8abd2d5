/** `--fail-on breaking|warning|none`: the exit code a report calls for. */
import { CliError } from "../cli";
import { atOrAbove, type DriftReport, type Level } from "./change";

export type FailOn = Level | "none";

export function parseFailOn(value: string): Exclude<FailOn, "info"> {
  if (value === "breaking" || value === "warning" || value === "none") return value;
  throw new CliError(`--fail-on: expected breaking, warning or none, got ${JSON.stringify(value)}`);
}

/** 1 when a change at or above the threshold is present, else 0. */
export function exitCodeFor(report: DriftReport, failOn: FailOn): 0 | 1 {
  if (failOn === "none") return 0;
  return report.changes.some((change) => atOrAbove(change.level, failOn)) ? 1 : 0;
}
