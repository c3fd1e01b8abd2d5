/**
 * Reads what the API reference is made from (generated/manifest.json, the
 * generated TypeScript and the package entries) under a repository root and
 * renders docs/api.md's text. Writing it is the CLI's job.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { CliError } from "../cli";
import { parseManifest } from "./manifest";
import { operationExports, type OperationExports } from "./operation-exports";
import { renderApiDocs } from "./render";
import { readExportedNames, readResourceSignatures } from "./resource-signatures";
import { readRuntimeExports } from "./runtime-exports";

export const API_DOCS_FILE = "docs/api.md";
const MANIFEST = "generated/manifest.json";
const OPERATIONS = "generated/operations.ts";
const HELPERS = "generated/helpers.ts";
const ENTRIES = ["src/index.ts", "src/emulator/index.ts"] as const;

export async function buildApiDocs(root: string): Promise<string> {
  const read = (file: string) =>
    readFile(join(root, file), "utf8").catch((error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT") throw new CliError(`${file}: not found under ${root}; run \`npm run generate\` first`);
      throw error;
    });
  // The manifest first: a missing or broken one is the error to report.
  const manifest = parseManifest(await read(MANIFEST), MANIFEST);
  const [operationsText, helpersText] = await Promise.all([read(OPERATIONS), read(HELPERS)]);
  const exported = new Set([...readExportedNames(operationsText, OPERATIONS), ...readExportedNames(helpersText, HELPERS)]);
  const exports = new Map<string, OperationExports>(manifest.operations.map((op) => [op.name, operationExports(op, exported)]));
  return renderApiDocs({
    manifest,
    signatures: readResourceSignatures(operationsText, OPERATIONS),
    exports,
    runtime: readRuntimeExports(root, ENTRIES),
    sources: [MANIFEST, OPERATIONS, HELPERS, ...ENTRIES],
  });
}
