/**
 * Replace a set of files all or nothing, as far as a file system allows:
 * every new content is first written to a temporary file next to its target
 * (same directory, so the rename cannot cross devices), and only when all of
 * them are written are they renamed over the targets. A failed write removes
 * the temporary files and leaves every target untouched.
 */
import { randomBytes } from "node:crypto";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { SpecError } from "./errors";

export interface PlannedFile {
  readonly path: string;
  readonly content: string;
}

export async function writeFilesAtomically(files: readonly PlannedFile[]): Promise<void> {
  const staged: { temp: string; target: string }[] = [];
  try {
    for (const file of files) {
      const temp = temporaryPath(file.path);
      try {
        await mkdir(dirname(file.path), { recursive: true });
        await writeFile(temp, file.content, { encoding: "utf8", flag: "wx" });
      } catch (error) {
        throw new SpecError(
          { source: file.path },
          `cannot write (${(error as Error).message}); the previous snapshot is left unchanged`,
          { cause: error },
        );
      }
      staged.push({ temp, target: file.path });
    }
  } catch (error) {
    await removeAll(staged.map(({ temp }) => temp));
    throw error;
  }
  for (const [index, { temp, target }] of staged.entries()) {
    try {
      await rename(temp, target);
    } catch (error) {
      await removeAll(staged.slice(index).map(({ temp: left }) => left));
      const done = staged.slice(0, index).map(({ target: replaced }) => replaced);
      throw new SpecError(
        { source: target },
        `cannot replace (${(error as Error).message}); already replaced: ${done.length ? done.join(", ") : "none"}`,
        { cause: error },
      );
    }
  }
}

/** A hidden, unique name in the target's directory (never matched by `*.json`). */
function temporaryPath(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}-${randomBytes(4).toString("hex")}.tmp`);
}

async function removeAll(paths: readonly string[]): Promise<void> {
  await Promise.all(paths.map((path) => rm(path, { force: true }).catch(() => undefined)));
}
