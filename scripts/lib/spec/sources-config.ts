/**
 * `openapi/sources.config.json`: where ARTU serves its documents and which
 * ones make up the snapshot. `{ "baseUrl": "https://docs.artu.ai/openapi/",
 * "documents": ["addresses.json", …] }`, the list sorted and without repeats.
 */
import { SpecError } from "./errors";
import { pointer } from "./pointer";

export interface SourcesConfig {
  readonly baseUrl: string;
  readonly documents: readonly string[];
}

/**
 * A snapshot document name: a plain `*.json`, `*.yaml` or `*.yml` file name,
 * no directories. A YAML source is kept in sources/ under its own name, its
 * content normalized like every source (sorted JSON, which YAML also reads).
 */
const DOCUMENT_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*\.(json|ya?ml)$/;

export function isDocumentName(name: string): boolean {
  return DOCUMENT_NAME.test(name);
}

export function parseSourcesConfig(text: string, source: string): SourcesConfig {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new SpecError({ source, pointer: "" }, `invalid JSON: ${(error as Error).message}`);
  }
  const config = value as Partial<Record<keyof SourcesConfig, unknown>> | null;
  if (config === null || typeof config !== "object" || Array.isArray(config)) {
    throw new SpecError({ source, pointer: "" }, 'expected an object { "baseUrl": …, "documents": […] }');
  }
  const { baseUrl, documents } = config;
  if (typeof baseUrl !== "string" || !/^https?:\/\/.+\/$/.test(baseUrl)) {
    throw new SpecError({ source, pointer: "/baseUrl" }, `expected an http(s) URL ending in "/", got ${JSON.stringify(baseUrl)}`);
  }
  if (!Array.isArray(documents) || documents.length === 0) {
    throw new SpecError({ source, pointer: "/documents" }, "expected a non-empty array of document file names");
  }
  documents.forEach((name: unknown, index) => {
    const at = { source, pointer: pointer(["documents", index]) };
    if (typeof name !== "string" || !isDocumentName(name)) {
      throw new SpecError(at, `expected a file name like "clients.json", got ${JSON.stringify(name)}`);
    }
    const previous = documents[index - 1] as string | undefined;
    if (previous !== undefined && !(previous < name)) {
      throw new SpecError(at, `"${name}" ${previous === name ? "is listed twice" : `must come before "${previous}"`}: keep the list sorted`);
    }
  });
  return { baseUrl, documents: documents as string[] };
}
