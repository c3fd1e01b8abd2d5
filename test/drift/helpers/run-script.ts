/** Runs one of the scripts/ CLIs as a child process (tsx), the way npm run does. */
import { execFile } from "node:child_process";
import { join } from "node:path";

export const REPO = join(import.meta.dirname, "../../..");

export interface ScriptResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface ScriptOptions {
  readonly cwd?: string;
  readonly timeoutMs?: number;
  /** Added to the environment, e.g. NODE_OPTIONS with a fault-injecting `--import`. */
  readonly env?: Readonly<Record<string, string>>;
  /** Another checkout of the project whose scripts/ to run (default: this one). */
  readonly repo?: string;
}

export function runScript(script: string, args: readonly string[], options: ScriptOptions = {}): Promise<ScriptResult> {
  const repo = options.repo ?? REPO;
  return new Promise((resolve) => {
    execFile(
      join(repo, "node_modules/.bin/tsx"),
      [join(repo, "scripts", script), ...args],
      {
        cwd: options.cwd ?? REPO,
        timeout: options.timeoutMs ?? 120_000,
        maxBuffer: 64 * 1024 * 1024,
        env: { ...process.env, NO_COLOR: "1", ...options.env },
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}
