/**
 * Runs another pipeline CLI (pull, generate) as a child process with tsx,
 * echoing its output with a prefix. A stage's exit code 2 (bad input) stays
 * 2; any other failure (3, a crash, a stage that cannot start) is an internal
 * failure, 3: never 1, which means findings. I/O edge used by scripts/regenerate.ts.
 */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { CliError, EXIT } from "../cli";

const SCRIPTS = fileURLToPath(new URL("../../", import.meta.url));
const TSX = fileURLToPath(new URL("../../../node_modules/.bin/tsx", import.meta.url));

export interface StageResult {
  readonly code: number;
  readonly stdout: string;
}

export function runStage(script: string, args: readonly string[], options: { cwd: string; okCodes?: readonly number[] }): Promise<StageResult> {
  const name = script.replace(/\.ts$/, "");
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, [`${SCRIPTS}${script}`, ...args], { cwd: options.cwd, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", (error) => reject(new CliError(`${name}: cannot start (${error.message})`, EXIT.internal)));
    child.on("close", (code) => {
      const exit = code ?? 1;
      process.stdout.write(prefix(name, stdout));
      if ((options.okCodes ?? [0]).includes(exit)) {
        process.stderr.write(prefix(name, stderr));
        resolve({ code: exit, stdout });
      } else {
        // The stage's first line becomes this failure's one-line message; the rest (a bug's stack) is echoed before it.
        const [first = "", ...rest] = stderr.trim().split("\n");
        process.stderr.write(prefix(name, rest.join("\n")));
        const detail = first.replace(/^[\w-]+: /, "") || `exit code ${exit}`;
        reject(new CliError(`${name} failed: ${detail}`, exit === EXIT.badInput ? EXIT.badInput : EXIT.internal));
      }
    });
  });
}

function prefix(name: string, text: string): string {
  return text
    .split("\n")
    .filter((line) => line.trim() !== "" && !line.startsWith("npm warn"))
    .map((line) => `  [${name}] ${line}\n`)
    .join("");
}
