/**
 * `npm run pull`: fetch ARTU's per-resource OpenAPI documents, validate each,
 * merge them, validate the result and write the snapshot under openapi/
 * (sources/*.json, artu.json, the README's provenance table), all or nothing.
 *
 *   npm run pull                              fetch baseUrl + every listed document
 *   npm run pull -- --from openapi/sources    rebuild from local documents
 *   npm run pull -- --check                   compare with the snapshot, write nothing
 *
 * Exit codes: 0 done (or --check: up to date), 1 --check: differs,
 * 2 bad input (unreachable, not JSON, not OpenAPI 3, invalid, conflicting).
 */
import { readdir, readFile, stat } from "node:fs/promises";
import { basename, join } from "node:path";
import { CliError, parseCliArgs, runCli } from "./lib/cli";
import { DEFAULT_FETCH_POLICY, isUrl, readSourceText, readText, type FetchPolicy } from "./lib/spec/fetch-source";
import { parseOpenApi, type OpenApiDocument } from "./lib/spec/load";
import { mergeDocuments, type SourceDocument } from "./lib/spec/merge";
import { compareKeys, serializeNormalized } from "./lib/spec/normalize";
import { defaultReadme, renderProvenanceTable, replaceProvenanceSection } from "./lib/spec/provenance-table";
import { isDocumentName, parseSourcesConfig, type SourcesConfig } from "./lib/spec/sources-config";
import { diffOperations, formatSummary } from "./lib/spec/summary";
import { assertValidOpenApi } from "./lib/spec/validate";
import { writeFilesAtomically, type PlannedFile } from "./lib/spec/write-atomic";

const USAGE = `usage: npm run pull -- [--from <url|file|dir>]... [--check] [--dir <openapi dir>] [--timeout <ms>]

  --from <url|file|dir>  where to read the documents (repeatable; default: the config's baseUrl):
                         a directory or a URL ending in "/" supplies the documents listed in
                         <dir>/sources.config.json; any other URL or file is one document
  --check                compare with the snapshot without writing: exit 0 when equal, 1 when not
  --dir <openapi dir>    the snapshot directory (default: openapi)
  --timeout <ms>         per-request timeout (default 15000, env ARTU_PULL_TIMEOUT_MS);
                         env ARTU_PULL_ATTEMPTS (default 3) and ARTU_PULL_BACKOFF_MS (default 500)
                         bound the retries on network errors and 5xx answers

Exit codes: 0 done (or --check: the snapshot is current); 1 --check only: the snapshot differs;
2 bad input (unreachable or invalid document, named with its source and JSON pointer; the
snapshot is left as it was); 3 internal failure (a bug; one line on stderr), never a finding.`;

interface PlannedInput {
  /** File name in the snapshot's sources/ directory. */
  readonly name: string;
  /** URL or file path to read it from. */
  readonly location: string;
}

runCli("pull", async () => {
  const args = parseArguments(process.argv.slice(2));
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const dir = args.dir!;
  const policy = fetchPolicy(args.timeout);
  const started = performance.now();

  const inputs = await planInputs(args.from ?? [], lazyConfig(dir));
  const sources = await readAndValidate(inputs, policy);
  const validated = performance.now();

  const mergedSource = `${join(dir, "artu.json")} (merged)`;
  const merged = mergeDocuments(sources);
  await assertValidOpenApi(merged, mergedSource);

  const files = await planSnapshot(dir, sources, merged);
  const previous = await readPreviousSnapshot(join(dir, "artu.json"));
  const summary = formatSummary(diffOperations(previous, merged), sources.length);
  const stale = await changedFiles(files);
  await warnAboutLeftovers(join(dir, "sources"), sources);
  const timing = `read+validate ${ms(validated - started)}, merge+validate+plan ${ms(performance.now() - validated)}`;

  if (args.check) {
    if (stale.length === 0) {
      process.stdout.write(`pull --check: snapshot in ${dir} is up to date\n${summary}`);
      return 0;
    }
    const listed = stale.map(({ path, existed }) => `  ${path} (${existed ? "differs" : "missing"})\n`).join("");
    process.stdout.write(`pull --check: snapshot in ${dir} is out of date:\n${listed}${summary}`);
    return 1;
  }
  await writeFilesAtomically(stale.map(({ file }) => file));
  const wrote = stale.length === 0 ? "snapshot already up to date" : `wrote ${stale.length} file(s) in ${dir}`;
  process.stdout.write(`pull: ${wrote} (${timing}, total ${ms(performance.now() - started)})\n${summary}`);
  return 0;
});

function parseArguments(argv: string[]) {
  return parseCliArgs(
    argv,
    {
      from: { type: "string", multiple: true },
      check: { type: "boolean", default: false },
      dir: { type: "string", default: "openapi" },
      timeout: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
    USAGE,
  );
}

function fetchPolicy(timeoutFlag: string | undefined): FetchPolicy {
  return {
    timeoutMs: positiveInteger("--timeout", timeoutFlag ?? process.env.ARTU_PULL_TIMEOUT_MS, DEFAULT_FETCH_POLICY.timeoutMs),
    attempts: positiveInteger("ARTU_PULL_ATTEMPTS", process.env.ARTU_PULL_ATTEMPTS, DEFAULT_FETCH_POLICY.attempts),
    backoffMs: positiveInteger("ARTU_PULL_BACKOFF_MS", process.env.ARTU_PULL_BACKOFF_MS, DEFAULT_FETCH_POLICY.backoffMs, 0),
    onRetry: ({ url, attempt, attempts, reason, delayMs }) =>
      process.stderr.write(`pull: ${url}: ${reason}; retrying in ${delayMs} ms (attempt ${attempt}/${attempts})\n`),
  };
}

function positiveInteger(name: string, raw: string | undefined, fallback: number, minimum = 1): number {
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < minimum) throw new CliError(`${name}: expected an integer ≥ ${minimum}, got ${JSON.stringify(raw)}`);
  return value;
}

/** The config is only read when a default run, a directory or a base URL needs its document list. */
function lazyConfig(dir: string): () => Promise<{ config: SourcesConfig; path: string }> {
  const path = join(dir, "sources.config.json");
  let loaded: Promise<{ config: SourcesConfig; path: string }> | undefined;
  return () => (loaded ??= readText(path).then((text) => ({ config: parseSourcesConfig(text, path), path })));
}

async function planInputs(
  froms: readonly string[],
  config: () => Promise<{ config: SourcesConfig; path: string }>,
): Promise<PlannedInput[]> {
  const planned: PlannedInput[] = [];
  if (froms.length === 0) {
    const { config: { baseUrl, documents } } = await config();
    planned.push(...documents.map((name) => ({ name, location: new URL(name, baseUrl).href })));
  }
  for (const from of froms) planned.push(...(await planFrom(from, config)));
  const seen = new Map<string, string>();
  for (const { name, location } of planned) {
    if (!isDocumentName(name)) throw new CliError(`--from ${location}: "${name}" is not a document file name like "clients.json" or "clients.yaml"`);
    const other = seen.get(name);
    if (other !== undefined) throw new CliError(`two inputs give the document ${name}: ${other} and ${location}`);
    seen.set(name, location);
  }
  return planned;
}

async function planFrom(
  from: string,
  config: () => Promise<{ config: SourcesConfig; path: string }>,
): Promise<PlannedInput[]> {
  if (isUrl(from)) {
    if (from.endsWith("/")) {
      const { config: { documents } } = await config();
      return documents.map((name) => ({ name, location: new URL(name, from).href }));
    }
    return [{ name: decodeURIComponent(basename(new URL(from).pathname)), location: from }];
  }
  const kind = await stat(from).catch(() => undefined);
  if (!kind) throw new CliError(`--from ${from}: no such file or directory`);
  if (!kind.isDirectory()) return [{ name: basename(from), location: from }];

  const { config: { documents }, path } = await config();
  const present = new Set((await readdir(from)).filter((entry) => entry.endsWith(".json")));
  const found = documents.filter((name) => present.has(name));
  if (found.length === 0) throw new CliError(`--from ${from}: none of the ${documents.length} documents listed in ${path} is there`);
  const missing = documents.filter((name) => !present.has(name));
  if (missing.length > 0) process.stderr.write(`pull: note: ${from} lacks ${missing.join(", ")} (listed in ${path}); pulling the ${found.length} found\n`);
  const unlisted = [...present].filter((name) => !documents.includes(name)).sort(compareKeys);
  if (unlisted.length > 0) process.stderr.write(`pull: note: ignoring ${unlisted.join(", ")} in ${from} (not listed in ${path})\n`);
  return found.map((name) => ({ name, location: join(from, name) }));
}

/** Reads every input (with per-document progress on a terminal), parses and validates it. */
async function readAndValidate(inputs: readonly PlannedInput[], policy: FetchPolicy): Promise<SourceDocument[]> {
  const progress = process.stderr.isTTY === true;
  const sources: SourceDocument[] = [];
  for (const [index, { name, location }] of inputs.entries()) {
    const started = performance.now();
    if (progress) process.stderr.write(`pull: [${index + 1}/${inputs.length}] ${location} … `);
    try {
      const text = await readSourceText(location, policy);
      const document = parseOpenApi(text, location);
      await assertValidOpenApi(document, location);
      if (progress) process.stderr.write(`ok, ${Math.round(Buffer.byteLength(text) / 1024)} KiB in ${ms(performance.now() - started)}\n`);
      sources.push({ name, source: location, document });
    } catch (error) {
      if (progress) process.stderr.write("failed\n");
      throw error;
    }
  }
  return sources.sort((a, b) => compareKeys(a.name, b.name));
}

async function planSnapshot(dir: string, sources: readonly SourceDocument[], merged: OpenApiDocument): Promise<PlannedFile[]> {
  const readmePath = join(dir, "README.md");
  const readme = (await readOptional(readmePath)) ?? defaultReadme();
  return [
    { path: join(dir, "artu.json"), content: serializeNormalized(merged) },
    { path: readmePath, content: replaceProvenanceSection(readme, renderProvenanceTable(sources), readmePath) },
    ...sources.map(({ name, document }) => ({ path: join(dir, "sources", name), content: serializeNormalized(document) })),
  ];
}

async function changedFiles(files: readonly PlannedFile[]): Promise<{ file: PlannedFile; path: string; existed: boolean }[]> {
  const changed = [];
  for (const file of files) {
    const current = await readOptional(file.path);
    if (current !== file.content) changed.push({ file, path: file.path, existed: current !== undefined });
  }
  return changed;
}

/** The snapshot being replaced, for the summary; absent or unreadable means "no previous snapshot". */
async function readPreviousSnapshot(path: string): Promise<OpenApiDocument | undefined> {
  const text = await readOptional(path);
  if (text === undefined) return undefined;
  try {
    return parseOpenApi(text, path);
  } catch (error) {
    process.stderr.write(`pull: note: previous snapshot unreadable, summary counts everything as added (${(error as Error).message})\n`);
    return undefined;
  }
}

async function warnAboutLeftovers(sourcesDir: string, sources: readonly SourceDocument[]): Promise<void> {
  const pulled = new Set(sources.map(({ name }) => name));
  const existing = await readdir(sourcesDir).catch(() => [] as string[]);
  const leftovers = existing.filter((name) => name.endsWith(".json") && !pulled.has(name)).sort(compareKeys);
  if (leftovers.length > 0) {
    process.stderr.write(`pull: note: ${leftovers.join(", ")} in ${sourcesDir} not part of this pull (left in place, not merged)\n`);
  }
}

async function readOptional(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return undefined;
    throw new CliError(`${path}: cannot read (${(error as Error).message})`);
  }
}

function ms(value: number): string {
  return `${Math.round(value)} ms`;
}
