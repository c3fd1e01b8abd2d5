/**
 * Generates many small specs in one process, for the drift oracle: the
 * project's generator (generateFiles) with openapi-typescript run on the main
 * thread, its module loaded once, instead of a fresh worker per spec (booting
 * one costs a second or more, the generation of a corpus-sized spec a few
 * milliseconds). The drift validators are left out: the oracle reads only the
 * typed surface (manifest.json, operations.ts and what it imports).
 */
import { createHash } from "node:crypto";
import { join } from "node:path";
import { generateFiles } from "../emit/generate-files";
import { replaceOutputDirectory } from "../emit/output-dir";
import { runtimeImportFor } from "../emit/runtime-import";
import type { SchemaJob } from "../emit/schema";
import type { ValidatorsJob } from "../emit/validators";
import type { OpenApiDocument } from "../spec/load";

/** The options scripts/lib/emit/schema-worker.mjs passes to openapi-typescript (see schema.ts for why). */
const OPENAPI_TS_OPTIONS = { defaultNonNullable: false, emptyObjectsUnknown: true, silent: true } as const;

/** A key per distinct document: specs shared by several pairs are generated once. */
export function specKey(document: OpenApiDocument): string {
  return createHash("sha256").update(JSON.stringify(document)).digest("hex").slice(0, 16);
}

/** Generates each document into `<dir>/<specKey>/`; returns the directory per key. */
export async function generateMany(documents: ReadonlyMap<string, { document: OpenApiDocument; source: string }>, dir: string): Promise<Map<string, string>> {
  const { default: openapiTS, astToString } = await import("openapi-typescript");
  const dirs = new Map<string, string>();
  for (const [key, { document, source }] of documents) {
    const out = join(dir, key);
    const schemaJob = inProcessSchemaJob(async (json) => astToString(await openapiTS(JSON.parse(json) as never, OPENAPI_TS_OPTIONS)));
    schemaJob.send(JSON.stringify(document));
    const { files } = await generateFiles(structuredClone(document), source, { runtimeImport: runtimeImportFor(out) }, schemaJob, NO_VALIDATORS());
    await replaceOutputDirectory(out, files);
    dirs.set(key, out);
  }
  return dirs;
}

function inProcessSchemaJob(generate: (json: string) => Promise<string>): SchemaJob {
  let start!: (json: string) => void;
  const result = new Promise<string>((resolve, reject) => {
    start = (json) => generate(json).then(resolve, reject);
  });
  result.catch(() => undefined);
  return { send: (json) => start(json), result, cancel: async () => undefined };
}

const NO_VALIDATORS = (): ValidatorsJob => ({ send: () => undefined, result: Promise.resolve(""), cancel: async () => undefined });
