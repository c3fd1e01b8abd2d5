/**
 * Running the tools the package tests drive (npm, tsup through `npm run build`,
 * tsc, node, the attw CLI) as child processes, with their output and duration.
 */
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../../..", import.meta.url));

export interface CommandResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
}

/**
 * The environment of a child npm/node: without the variables `npm test` sets
 * for its own script (package fields, lifecycle, command), so a nested npm
 * behaves as when a user types the command.
 */
export function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, npm_config_update_notifier: "false", NO_COLOR: "1" };
  for (const name of Object.keys(env)) {
    if (/^npm_(package|lifecycle)_|^npm_command$|^INIT_CWD$/.test(name)) delete env[name];
  }
  delete env.FORCE_COLOR;
  return env;
}

export function run(command: string, args: readonly string[], cwd: string, timeoutMs = 120_000): Promise<CommandResult> {
  const started = performance.now();
  return new Promise((resolve) => {
    execFile(command, args, { cwd, env: cleanEnv(), timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
      resolve({ code, stdout, stderr, ms: Math.round(performance.now() - started) });
    });
  });
}

/** Fails with the command's output when it did not exit 0. */
export async function runOk(command: string, args: readonly string[], cwd: string, timeoutMs?: number): Promise<CommandResult> {
  const result = await run(command, args, cwd, timeoutMs);
  if (result.code !== 0) {
    throw new Error(`${command} ${args.join(" ")} (in ${cwd}) exited ${result.code}\n${result.stdout}\n${result.stderr}`);
  }
  return result;
}

export const NPM = process.platform === "win32" ? "npm.cmd" : "npm";
export const NPX = process.platform === "win32" ? "npx.cmd" : "npx";
