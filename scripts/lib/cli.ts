/**
 * Shared plumbing for the scripts/ entry points: argument parsing with
 * node:util, and one place that turns errors into exit codes. Located input
 * errors (SpecError, CliError) print one clear line and exit 2; anything else
 * is a bug: one line naming it, its stack after, and exit 3, so a crash is
 * never read as a finding (1).
 */
import { parseArgs, type ParseArgsConfig } from "node:util";
import { SpecError } from "./spec/errors";

/** Bad usage or bad input: printed without a stack, exit code 2 unless given. */
export class CliError extends Error {
  override readonly name = "CliError";
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}

/** Parses `argv` strictly; a bad argument is a CliError (exit 2) followed by `usage` when given. */
export function parseCliArgs<T extends ParseArgsConfig["options"]>(argv: string[], options: T, usage?: string) {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new CliError(usage === undefined ? (error as Error).message : `${(error as Error).message}\n${usage}`);
  }
}

/** The exit codes every script uses, each with one meaning. */
export const EXIT = { done: 0, findings: 1, badInput: 2, internal: 3 } as const;

/**
 * Runs `main` and sets the process exit code: its return value, 2 for input
 * errors, 3 for bugs, including an exception thrown outside `main`'s promise
 * (a callback, an unhandled rejection), which Node would otherwise end with 1.
 */
export function runCli(name: string, main: () => Promise<number | void>): void {
  const crash = (error: unknown) => process.exit(reportFailure(name, error));
  process.once("uncaughtException", crash);
  process.once("unhandledRejection", crash);
  main().then(
    (code) => {
      process.exitCode = code ?? EXIT.done;
    },
    (error: unknown) => {
      process.exitCode = reportFailure(name, error);
    },
  );
}

/** Prints one line naming the failure (a bug's stack after it) and returns its exit code. */
function reportFailure(name: string, error: unknown): number {
  if (error instanceof CliError || error instanceof SpecError) {
    process.stderr.write(`${name}: ${error.message}\n`);
    return error instanceof CliError ? error.exitCode : EXIT.badInput;
  }
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  process.stderr.write(`${name}: internal failure (a bug, not a finding): ${message}\n${(error as Error)?.stack ?? ""}\n`);
  return EXIT.internal;
}
