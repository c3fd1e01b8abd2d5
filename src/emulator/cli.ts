#!/usr/bin/env node
/**
 * `artu-emulator`: run the offline ARTU emulator from a shell.
 *
 *   artu-emulator --port 4010 [--host 127.0.0.1] [--seed N] [--latency MS] [--key K]... [--validate-responses]
 *
 * Prints the base URL and the accepted test key; stops cleanly on SIGINT/SIGTERM.
 * Bad arguments exit with code 2.
 */
import { parseArgs } from "node:util";
import { DEFAULT_API_KEY, startEmulator } from "./index";

const USAGE = `usage: artu-emulator [--port 4010] [--host 127.0.0.1] [--seed N] [--latency MS] [--key K]... [--validate-responses]

  --port <n>             port to listen on (default 4010; 0 picks a free port)
  --host <host>          interface to bind (default 127.0.0.1)
  --seed <n>             seed for ids, request ids and fault draws (integer)
  --latency <ms>         latency added to every request
  --key <key>            an accepted API key (repeatable; default ${DEFAULT_API_KEY})
  --validate-responses   check every response against the snapshot (500 EMULATOR_RESPONSE_INVALID on a mismatch)`;

class UsageError extends Error {}

function integer(value: string | undefined, name: string, fallback: number, min = 0): number {
  if (value === undefined) return fallback;
  if (!/^-?\d+$/.test(value) || Number(value) < min) throw new UsageError(`--${name} must be an integer >= ${min}, got ${JSON.stringify(value)}`);
  return Number(value);
}

async function main(): Promise<void> {
  let args;
  try {
    args = parseArgs({
      args: process.argv.slice(2),
      options: {
        port: { type: "string" },
        host: { type: "string" },
        seed: { type: "string" },
        latency: { type: "string" },
        key: { type: "string", multiple: true },
        "validate-responses": { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const keys = args.key ?? [DEFAULT_API_KEY];
  if (keys.some((key) => key.trim() === "")) throw new UsageError("--key must not be empty");
  const emulator = await startEmulator({
    port: integer(args.port, "port", 4010),
    host: args.host ?? "127.0.0.1",
    ...(args.seed !== undefined ? { seed: integer(args.seed, "seed", 0, Number.MIN_SAFE_INTEGER) } : {}),
    latencyMs: integer(args.latency, "latency", 0),
    apiKeys: keys,
    validateResponses: args["validate-responses"] === true,
  });
  // Only the default test key is printed: a key passed with --key is the caller's secret.
  const keyNote = args.key ? `${keys.length} key(s) from --key` : DEFAULT_API_KEY;
  process.stdout.write(`ARTU emulator listening on ${emulator.url}\nAPI key: ${keyNote}\nHeaders: Authorization: Bearer <key>, X-Environment: test|live\n`);
  const shutdown = (signal: string) => {
    process.stdout.write(`received ${signal}, stopping\n`);
    emulator.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGINT", () => shutdown("SIGINT"));
  process.once("SIGTERM", () => shutdown("SIGTERM"));
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) {
    process.stderr.write(`artu-emulator: ${error.message}\n\n${USAGE}\n`);
    process.exit(2);
  }
  const code = (error as NodeJS.ErrnoException)?.code;
  process.stderr.write(`artu-emulator: ${code === "EADDRINUSE" ? "the port is already in use" : (error as Error)?.message ?? String(error)}\n`);
  process.exit(code === "EADDRINUSE" ? 2 : 1);
});
