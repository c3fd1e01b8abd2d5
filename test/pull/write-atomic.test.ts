import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { writeFilesAtomically } from "../../scripts/lib/spec/write-atomic";
import { makeTempDir, removeDir } from "./helpers/run-pull";

let dir: string;
afterEach(() => removeDir(dir));

describe("writeFilesAtomically", () => {
  it("replaces every file and creates missing directories, leaving no temporary file", async () => {
    dir = await makeTempDir("atomic");
    await writeFile(join(dir, "artu.json"), "old\n");
    await writeFilesAtomically([
      { path: join(dir, "artu.json"), content: "new\n" },
      { path: join(dir, "sources", "clients.json"), content: "{}\n" },
    ]);
    expect(await readFile(join(dir, "artu.json"), "utf8")).toBe("new\n");
    expect(await readFile(join(dir, "sources", "clients.json"), "utf8")).toBe("{}\n");
    expect((await readdir(dir)).sort()).toEqual(["artu.json", "sources"]);
  });

  it("changes nothing when one file cannot be written, and removes the temporary files", async () => {
    dir = await makeTempDir("atomic");
    await writeFile(join(dir, "artu.json"), "old\n");
    await writeFile(join(dir, "sources"), "a file, not a directory\n");
    await mkdir(join(dir, "docs"));
    const attempt = writeFilesAtomically([
      { path: join(dir, "artu.json"), content: "new\n" },
      { path: join(dir, "docs", "README.md"), content: "new\n" },
      { path: join(dir, "sources", "clients.json"), content: "{}\n" },
    ]);
    await expect(attempt).rejects.toThrow(/sources\/clients\.json: cannot write .*the previous snapshot is left unchanged/);
    expect(await readFile(join(dir, "artu.json"), "utf8")).toBe("old\n");
    expect((await readdir(dir)).sort()).toEqual(["artu.json", "docs", "sources"]);
    expect(await readdir(join(dir, "docs"))).toEqual([]);
  });
});
