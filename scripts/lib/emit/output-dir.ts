/**
 * Replace the output directory all or nothing: the files are written into a
 * temporary sibling directory, which is renamed over the target only once
 * every file is written. On any failure the target is left exactly as it was.
 * A target holding files this generator does not write is refused rather than
 * replaced (a mistyped `--out .` must not swap away a project).
 */
import { randomBytes } from "node:crypto";
import { mkdir, readdir, rename, rm, stat, writeFile } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { CliError } from "../cli";

export interface OutputFile {
  readonly name: string;
  /** Text, or UTF-8 bytes (a large file received from a worker, written as it is). */
  readonly content: string | Uint8Array;
}

/** A file's content as text. */
export function textOf(file: OutputFile): string {
  return typeof file.content === "string" ? file.content : Buffer.from(file.content).toString("utf8");
}

async function existingEntries(target: string): Promise<string[] | undefined> {
  try {
    const info = await stat(target);
    if (!info.isDirectory()) throw new CliError(`${target}: the output path exists and is not a directory`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  return readdir(target);
}

function siblingName(target: string, kind: string): string {
  return join(dirname(target), `.${basename(target)}.${kind}-${process.pid}-${randomBytes(4).toString("hex")}`);
}

export async function replaceOutputDirectory(outDir: string, files: readonly OutputFile[]): Promise<void> {
  const target = resolve(outDir);
  const entries = await existingEntries(target);
  const ours = new Set(files.map(({ name }) => name));
  const foreign = (entries ?? []).filter((entry) => !ours.has(entry)).sort();
  if (foreign.length > 0) {
    throw new CliError(
      `${outDir}: refusing to replace a directory holding files generate does not write (${foreign.join(", ")}); ` +
        "remove them or choose another --out",
    );
  }
  await mkdir(dirname(target), { recursive: true });
  const staging = siblingName(target, "tmp");
  try {
    await mkdir(staging);
    for (const file of files) await writeFile(join(staging, file.name), file.content, "utf8");
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw new CliError(`${outDir}: cannot write the generated files (${(error as Error).message}); left unchanged`);
  }
  if (entries === undefined) {
    await rename(staging, target);
    return;
  }
  const previous = siblingName(target, "old");
  await rename(target, previous);
  try {
    await rename(staging, target);
  } catch (error) {
    await rename(previous, target);
    await rm(staging, { recursive: true, force: true });
    throw new CliError(`${outDir}: cannot swap in the generated files (${(error as Error).message}); left unchanged`);
  }
  await rm(previous, { recursive: true, force: true });
}
