// `node scripts/run.mjs <script> [args…]`: runs scripts/<script>.ts as one
// JavaScript bundle, what every `npm run` command of this project does.
//
// Why not a TypeScript loader (tsx): on Node 20 a loader runs its hooks on a
// thread of its own and answers every module load across threads, which cost
// ~0.3 s of start-up, ~0.3 s of module loading and ~38 MB per run; for
// `generate` on a small spec that was a fifth of the whole run. The bundle is
// built with esbuild (packages stay external, dynamic imports stay lazy
// chunks) into node_modules/.cache/artu-scripts/, and rebuilt whenever the
// content of any file it was built from changed: the hashes of every input
// are checked on each run (a few ms), so a bundle is never stale. Concurrent
// runs are safe: a build is never changed or removed while in use.
// `import.meta.url` keeps meaning the source file's URL (worker files, the
// project root and tsconfig are found from it).
//
// Exit code 3 (internal failure, as the scripts' own) when the bundle cannot
// be built; a script's own exit code otherwise. A bug's stack names the
// bundle's chunks; `NODE_OPTIONS=--enable-source-maps` maps it back to the
// TypeScript sources (not on by default: Node would then parse the source map
// of every module it loads, ~0.1 s per run).
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const INTERNAL_FAILURE = 3;
/** Builds other than the current one are removed once this old (a run may still be loading its lazy chunks). */
const STALE_BUILD_MS = 10 * 60 * 1000;

const [name, ...args] = process.argv.slice(2);
if (!name || !/^[a-z][a-z0-9-]*$/.test(name) || !existsSync(join(ROOT, "scripts", `${name}.ts`))) {
  process.stderr.write(`run: usage: node scripts/run.mjs <script> [args…] (a scripts/<script>.ts file; got ${JSON.stringify(name ?? "")})\n`);
  process.exit(2);
}

const entry = join(ROOT, "scripts", `${name}.ts`);
// One cache per checkout: a copy of the project sharing node_modules gets its own.
const caches = join(ROOT, "node_modules/.cache/artu-scripts");
const cache = join(caches, `${name}-${digest(ROOT).slice(0, 12)}`);
const launcher = digest(readFileSync(fileURLToPath(import.meta.url)));

let bundle = currentBundle();
if (!bundle) {
  try {
    bundle = await build();
  } catch (error) {
    process.stderr.write(`run: could not build scripts/${name}.ts: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(INTERNAL_FAILURE);
  }
}
// The script reads its arguments from process.argv.slice(2), as under `tsx scripts/<name>.ts`.
process.argv.splice(1, process.argv.length - 1, entry, ...args);
await import(pathToFileURL(bundle).href);

function digest(data) {
  return createHash("sha256").update(data).digest("hex");
}

/** The hash of every input, keyed by path from the root. */
function inputHashes(files) {
  return Object.fromEntries(files.map((file) => [file, digest(readFileSync(join(ROOT, file)))]));
}

/**
 * The current build's entry file when every file it was built from is
 * unchanged. `current.json` names the build (a directory named after its
 * inputs' hashes, never rewritten once there) and lists those hashes.
 */
function currentBundle() {
  try {
    const current = JSON.parse(readFileSync(join(cache, "current.json"), "utf8"));
    const file = join(cache, current.build, `${name}.js`);
    if (current.launcher !== launcher || !existsSync(file)) return undefined;
    const now = inputHashes(Object.keys(current.files));
    return Object.entries(current.files).every(([input, hash]) => now[input] === hash) ? file : undefined;
  } catch {
    return undefined;
  }
}

async function build() {
  const { build: esbuild } = await import("esbuild");
  mkdirSync(cache, { recursive: true });
  const staging = join(cache, `staging-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  const result = await esbuild({
    absWorkingDir: ROOT,
    entryPoints: [entry],
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    packages: "external",
    outdir: staging,
    entryNames: "[name]",
    metafile: true,
    sourcemap: "linked",
    logLevel: "silent",
    plugins: [sourceFileUrls()],
  });
  const files = inputHashes(Object.keys(result.metafile.inputs).map((input) => relative(ROOT, resolve(ROOT, input))).sort());
  const id = digest(JSON.stringify({ launcher, files })).slice(0, 16);
  const target = join(cache, id);
  // Builds from the same inputs are identical: keep whichever landed first.
  if (existsSync(target)) rmSync(staging, { recursive: true, force: true });
  else renameSync(staging, target);
  const pointer = join(cache, `current.${process.pid}.json`);
  writeFileSync(pointer, `${JSON.stringify({ launcher, root: ROOT, build: id, files }, null, 2)}\n`);
  renameSync(pointer, join(cache, "current.json"));
  removeStaleBuilds(id);
  removeOrphanCaches();
  return join(target, `${name}.js`);
}

/** Caches of checkouts that are gone (a temporary copy of the project that shared node_modules). */
function removeOrphanCaches() {
  for (const entry of readdirSync(caches)) {
    try {
      const { root } = JSON.parse(readFileSync(join(caches, entry, "current.json"), "utf8"));
      if (typeof root === "string" && !existsSync(root)) rmSync(join(caches, entry), { recursive: true, force: true });
    } catch {
      // Being built right now, or not ours: left alone.
    }
  }
}

function removeStaleBuilds(keep) {
  for (const entry of readdirSync(cache)) {
    const path = join(cache, entry);
    if (entry === keep || entry === "current.json") continue;
    if (Date.now() - statSync(path).mtimeMs > STALE_BUILD_MS) rmSync(path, { recursive: true, force: true });
  }
}

/** esbuild plugin: `import.meta.url` in a source file becomes that file's URL, as it is when the file runs on its own. */
function sourceFileUrls() {
  return {
    name: "source-file-urls",
    setup(build) {
      build.onLoad({ filter: /\.[cm]?ts$/ }, (args) => {
        const source = readFileSync(args.path, "utf8");
        return { contents: source.replaceAll("import.meta.url", JSON.stringify(pathToFileURL(args.path).href)), loader: "ts" };
      });
    },
  };
}
