/**
 * Reads the two sides of a drift run: a file path, or `git:<ref>:<path>` for a
 * committed snapshot (read with `git show <ref>:<path>` in the working
 * directory, so `<path>` is relative to the repository root). I/O edge of the
 * drift library; failures are located `SpecError`s (exit 2). Drift compares
 * bundled snapshots: a `$ref` to another file (or a dangling one), a looping
 * `$ref` chain, a `$ref` to the wrong kind of object and a path template that
 * disagrees with its parameters are refused here, before any comparison,
 * naming the file and the pointer.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { SpecError } from "../spec/errors";
import { assertSpecIntegrity } from "../spec/integrity";
import { loadOpenApiFile, parseOpenApi } from "../spec/load";
import type { SpecInput } from "./diff-specs";

const run = promisify(execFile);

export interface GitLocation {
  readonly ref: string;
  readonly path: string;
}

/** `git:HEAD:openapi/artu.json` → { ref: "HEAD", path: "openapi/artu.json" }; refs may not contain ":". */
export function parseGitLocation(location: string): GitLocation | undefined {
  if (!location.startsWith("git:")) return undefined;
  const rest = location.slice("git:".length);
  const colon = rest.indexOf(":");
  if (colon <= 0 || colon === rest.length - 1) {
    throw new SpecError({ source: location }, 'expected "git:<ref>:<path>", e.g. "git:HEAD:openapi/artu.json"');
  }
  return { ref: rest.slice(0, colon), path: rest.slice(colon + 1) };
}

export async function readSpec(location: string, cwd = process.cwd()): Promise<SpecInput> {
  const spec = { document: await readDocument(location, cwd), source: location };
  assertSpecIntegrity(spec.document, location); // the checks pull and generate make, so the three refuse the same specs
  return spec;
}

async function readDocument(location: string, cwd: string): Promise<SpecInput["document"]> {
  const git = parseGitLocation(location);
  if (!git) return loadOpenApiFile(location);
  let text: string;
  try {
    ({ stdout: text } = await run("git", ["show", `${git.ref}:${git.path}`], { cwd, maxBuffer: 256 * 1024 * 1024, encoding: "utf8" }));
  } catch (error) {
    const stderr = String((error as { stderr?: unknown }).stderr ?? (error as Error).message).trim();
    throw new SpecError({ source: location }, `git show ${git.ref}:${git.path} failed: ${stderr.split("\n")[0]}`, { cause: error });
  }
  return parseOpenApi(text, location);
}
