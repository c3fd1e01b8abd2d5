/** Runs one of the scripts/ CLIs as a child process (tsx), the way npm run does. */
import { execFile } from "node:child_process";
import { join } from "node:path";

export const REPO = join(import.meta.dirname, "../../..");
const TSX = join(REPO, "node_modules/.bin/tsx");

export interface ScriptResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export function runScript(script: string, args: readonly string[], options: { cwd?: string; timeoutMs?: number } = {}): Promise<ScriptResult> {
  return new Promise((resolve) => {
    execFile(
      TSX,
      [join(REPO, "scripts", script), ...args],
      { cwd: options.cwd ?? REPO, timeout: options.timeoutMs ?? 120_000, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NO_COLOR: "1" } },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}
