/**
 * Shared plumbing for the scripts/ entry points: argument parsing with
 * node:util, and one place that turns errors into exit codes. Located input
 * errors (SpecError, CliError) print one clear line and exit 2; anything else
 * is a bug and keeps its stack.
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

/** Runs `main` and sets the process exit code: its return value, 2 for input errors, 1 for bugs. */
export function runCli(name: string, main: () => Promise<number | void>): void {
  main().then(
    (code) => {
      process.exitCode = code ?? 0;
    },
    (error: unknown) => {
      if (error instanceof CliError || error instanceof SpecError) {
        process.stderr.write(`${name}: ${error.message}\n`);
        process.exitCode = error instanceof CliError ? error.exitCode : 2;
      } else {
        process.stderr.write(`${name}: unexpected failure\n${(error as Error)?.stack ?? String(error)}\n`);
        process.exitCode = 1;
      }
    },
  );
}
