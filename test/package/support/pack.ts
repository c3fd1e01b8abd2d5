/**
 * The package as npm would publish it: `npm run build` into a staging copy of
 * the package (its package.json and the `files` it lists), then `npm pack` of
 * that copy. The repository's own dist/ is left alone.
 */
import { cp, mkdir } from "node:fs/promises";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { NPM, ROOT, runOk } from "./commands";

export interface PackedFile {
  readonly path: string;
  readonly size: number;
  readonly mode: number;
}

export interface PackedPackage {
  readonly tarball: string;
  /** Gzipped size of the tarball, in bytes. */
  readonly size: number;
  readonly unpackedSize: number;
  readonly files: readonly PackedFile[];
  readonly timings: { readonly buildMs: number; readonly packMs: number };
}

interface PackageJson {
  readonly name: string;
  readonly files: readonly string[];
  readonly dependencies?: Record<string, string>;
}

export function rootPackageJson(): PackageJson {
  return JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as PackageJson;
}

export async function buildAndPack(workDir: string): Promise<PackedPackage> {
  const stage = join(workDir, "stage");
  await mkdir(stage, { recursive: true });
  const build = await runOk(NPM, ["run", "build", "--", "--out-dir", join(stage, "dist")], ROOT, 180_000);

  await cp(join(ROOT, "package.json"), join(stage, "package.json"));
  for (const entry of rootPackageJson().files) {
    if (entry !== "dist" && existsSync(join(ROOT, entry))) await cp(join(ROOT, entry), join(stage, entry), { recursive: true });
  }
  const out = join(workDir, "tarball");
  await mkdir(out);
  const pack = await runOk(NPM, ["pack", stage, "--pack-destination", out, "--ignore-scripts", "--json"], workDir);
  const [report] = JSON.parse(pack.stdout) as [{ filename: string; size: number; unpackedSize: number; files: PackedFile[] }];
  return {
    tarball: join(out, report.filename),
    size: report.size,
    unpackedSize: report.unpackedSize,
    files: report.files,
    timings: { buildMs: build.ms, packMs: pack.ms },
  };
}
