/** `--fail-on breaking|warning|none`: the exit code a report calls for. */
import { CliError, EXIT } from "../cli";
import { atOrAbove, type DriftReport, type Level } from "./change";

export type FailOn = Level | "none";

export function parseFailOn(value: string): Exclude<FailOn, "info"> {
  if (value === "breaking" || value === "warning" || value === "none") return value;
  throw new CliError(`--fail-on: expected breaking, warning or none, got ${JSON.stringify(value)}`);
}

/** EXIT.findings (1) when a change at or above the threshold is present, else EXIT.done (0). */
export function exitCodeFor(report: DriftReport, failOn: FailOn): typeof EXIT.done | typeof EXIT.findings {
  if (failOn === "none") return EXIT.done;
  return report.changes.some((change) => atOrAbove(change.level, failOn)) ? EXIT.findings : EXIT.done;
}
