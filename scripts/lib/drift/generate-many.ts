/**
 * Generates many small specs in one process, for the drift oracle: the
 * project's generator (generateFiles), its modules loaded once. The drift
 * validators are left out (booting their worker costs more than generating a
 * corpus-sized spec): the oracle reads only the typed surface (manifest.json,
 * operations.ts and what it imports).
 */
import { createHash } from "node:crypto";
import { join } from "node:path";
import { generateFiles } from "../emit/generate-files";
import { replaceOutputDirectory } from "../emit/output-dir";
import { runtimeImportFor } from "../emit/runtime-import";
import type { ValidatorsJob } from "../emit/validators";
import type { OpenApiDocument } from "../spec/load";

/** A key per distinct document: specs shared by several pairs are generated once. */
export function specKey(document: OpenApiDocument): string {
  return createHash("sha256").update(JSON.stringify(document)).digest("hex").slice(0, 16);
}

/** Generates each document into `<dir>/<specKey>/`; returns the directory per key. */
export async function generateMany(documents: ReadonlyMap<string, { document: OpenApiDocument; source: string }>, dir: string): Promise<Map<string, string>> {
  const dirs = new Map<string, string>();
  for (const [key, { document, source }] of documents) {
    const out = join(dir, key);
    const { files } = await generateFiles({ document, source }, { runtimeImport: runtimeImportFor(out) }, NO_VALIDATORS());
    await replaceOutputDirectory(out, files);
    dirs.set(key, out);
  }
  return dirs;
}

const NO_VALIDATORS = (): ValidatorsJob => ({ send: () => undefined, result: Promise.resolve(""), cancel: async () => undefined });
