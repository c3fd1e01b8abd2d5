/**
 * Parse a document's text (JSON, or YAML for a `.yaml`/`.yml` source or a
 * text that does not start like JSON) into an OpenAPI 3.x object, rejecting
 * what a docs site or a broken download serves instead: HTML pages,
 * truncated JSON, Swagger 2.0, anything that is not an OpenAPI 3 document.
 */
import { readFile } from "node:fs/promises";
import { parse as parseYaml, YAMLParseError } from "yaml";
import { SpecError } from "./errors";

export type OpenApiDocument = {
  openapi: string;
  info: Record<string, unknown>;
  paths?: Record<string, Record<string, unknown>>;
  components?: Record<string, Record<string, unknown>>;
  [key: string]: unknown;
};

/** A YAML source: named `.yaml`/`.yml` (before any query string), or text that does not open a JSON object. */
export function isYamlText(text: string, source: string): boolean {
  if (/\.ya?ml(\?.*)?$/i.test(source)) return true;
  const start = text.trimStart().charAt(0);
  return start !== "{" && start !== "[" && start !== "<" && start !== "";
}

/** The document as JSON text: the text itself when it was JSON, else the parsed document serialized. */
export function jsonTextOf(text: string, source: string, document: OpenApiDocument): string {
  return isYamlText(text, source) ? JSON.stringify(document) : text;
}

export function parseOpenApi(text: string, source: string): OpenApiDocument {
  const trimmed = text.trimStart();
  if (trimmed === "") throw new SpecError({ source, pointer: "" }, "empty body: expected an OpenAPI JSON or YAML document");
  if (trimmed.startsWith("<")) {
    throw new SpecError(
      { source, pointer: "" },
      "got HTML, not JSON (a docs site answers unknown paths with a 200 HTML page; check the URL)",
    );
  }
  if (isYamlText(text, source)) return assertOpenApi3(parseYamlDocument(text, source), source);
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new SpecError({ source, pointer: "" }, `invalid JSON: ${describeJsonError(error, text)}`, { cause: error });
  }
  return assertOpenApi3(document, source);
}

export function assertOpenApi3(document: unknown, source: string): OpenApiDocument {
  if (document === null || typeof document !== "object" || Array.isArray(document)) {
    throw new SpecError({ source, pointer: "" }, "expected an object (a JSON object or a YAML mapping) at the top level");
  }
  const record = document as Record<string, unknown>;
  if (typeof record.swagger === "string") {
    throw new SpecError(
      { source, pointer: "/swagger" },
      `Swagger ${record.swagger} is not supported: expected an OpenAPI 3.x document`,
    );
  }
  if (typeof record.openapi !== "string" || !/^3\.\d+(\.\d+)?$/.test(record.openapi)) {
    throw new SpecError(
      { source, pointer: "/openapi" },
      `expected "openapi": "3.x", got ${JSON.stringify(record.openapi)}`,
    );
  }
  if (record.info === null || typeof record.info !== "object") {
    throw new SpecError({ source, pointer: "/info" }, "missing the required info object");
  }
  return record as OpenApiDocument;
}

export async function loadOpenApiFile(file: string): Promise<OpenApiDocument> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw new SpecError({ source: file }, `cannot read: ${(error as Error).message}`, { cause: error });
  }
  return parseOpenApi(text, file);
}

/**
 * YAML 1.2 core schema (as JSON reads it: no timestamps or binary), one
 * document, aliases bounded (a "billion laughs" text is refused, not expanded).
 */
function parseYamlDocument(text: string, source: string): unknown {
  try {
    return parseYaml(text, { schema: "core", maxAliasCount: 1000, uniqueKeys: true, prettyErrors: false });
  } catch (error) {
    const where = error instanceof YAMLParseError ? lineAndColumn(text, error.pos[0]) : "";
    const message = (error as Error).message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
    throw new SpecError({ source, pointer: "" }, `invalid YAML: ${message}${where}`, { cause: error });
  }
}

function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split("\n");
  return ` at line ${before.length}, column ${before[before.length - 1]!.length + 1}`;
}

/** "Unexpected end of JSON input at line 12, column 3 (the document looks truncated)". */
function describeJsonError(error: unknown, text: string): string {
  const message = (error as Error).message;
  const position = /position (\d+)/.exec(message);
  const truncated = /end of (JSON )?input|Unterminated/.test(message);
  const offset = position ? Number(position[1]) : truncated ? text.length : undefined;
  const where = offset === undefined ? "" : lineAndColumn(text, offset);
  return `${message.replace(/ in JSON at position \d+.*$/, "")}${where}${truncated ? " (the document looks truncated)" : ""}`;
}
