/** Runs the pull CLI as a child process (the local tsx binary, as `npx tsx` would) and snapshots directories. */
import { spawn } from "node:child_process";
import { cp, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";

export const ROOT = join(import.meta.dirname, "../../..");
const TSX = join(ROOT, "node_modules/.bin/tsx");

export interface PullResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
}

/** Async on purpose: the fixture server lives in the test process and must keep answering. */
export function runPull(args: readonly string[], env: Record<string, string> = {}): Promise<PullResult> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, ["scripts/pull.ts", ...args], {
      cwd: ROOT,
      env: { ...process.env, ARTU_PULL_BACKOFF_MS: "20", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr, ms: performance.now() - started }));
  });
}

export async function makeTempDir(prefix: string): Promise<string> {
  return mkdtemp(join(tmpdir(), `pull-${prefix}-`));
}

export async function copyDir(from: string, to: string): Promise<void> {
  await cp(from, to, { recursive: true });
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

/** Every file under `dir` (relative path → bytes), to prove a failed run changed nothing. */
export async function snapshotDir(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(relative(dir, path), (await readFile(path)).toString("base64"));
  }
  return files;
}
