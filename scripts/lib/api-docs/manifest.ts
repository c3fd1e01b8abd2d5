/**
 * generated/manifest.json as the API reference reads it: checked on load, so a
 * manifest from another generator version fails with the field it lacks.
 */
import { CliError } from "../cli";

export interface ManifestOperation {
  readonly operationId: string;
  readonly method: string;
  readonly path: string;
  readonly tag: string | null;
  readonly namespace: string;
  /** "clients.migrate": namespace + method. */
  readonly name: string;
  readonly summary: string | null;
  readonly idempotent: boolean;
  readonly helpers: readonly string[];
  readonly paginator?: { readonly cursorIn: string; readonly cursorName: string };
  readonly batchChunker?: { readonly itemsField: string; readonly maxItems: number };
  readonly resultNarrowing?: { readonly discriminant: string; readonly variants: readonly string[] };
  readonly syncPlanner?: { readonly arrays: readonly { readonly name: string; readonly maxItems: number; readonly creatable: boolean }[] };
}

export interface Manifest {
  readonly info: { readonly title: string; readonly version: string };
  readonly operations: readonly ManifestOperation[];
}

const REQUIRED: Record<string, string> = {
  operationId: "string",
  method: "string",
  path: "string",
  namespace: "string",
  name: "string",
  idempotent: "boolean",
};

export function parseManifest(text: string, file: string): Manifest {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new CliError(`${file}: not JSON (${(error as Error).message}); run \`npm run generate\``);
  }
  const manifest = data as Partial<Manifest>;
  if (typeof manifest?.info?.title !== "string" || !Array.isArray(manifest.operations)) {
    throw new CliError(`${file}#/info: expected { info: { title, version }, operations: [] }`);
  }
  manifest.operations.forEach((op, index) => {
    const record = op as unknown as Record<string, unknown>;
    for (const [field, type] of Object.entries(REQUIRED)) {
      if (typeof record[field] !== type) throw new CliError(`${file}#/operations/${index}/${field}: expected a ${type}`);
    }
    if (!Array.isArray(op.helpers)) throw new CliError(`${file}#/operations/${index}/helpers: expected an array`);
    if (!op.name.startsWith(`${op.namespace}.`)) {
      throw new CliError(`${file}#/operations/${index}/name: "${op.name}" does not start with its namespace "${op.namespace}."`);
    }
  });
  return manifest as Manifest;
}

/** "clients.migrate" → "migrate". */
export function methodOf(op: ManifestOperation): string {
  return op.name.slice(op.namespace.length + 1);
}
