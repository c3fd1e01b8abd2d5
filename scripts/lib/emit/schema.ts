/**
 * generated/schema.ts: openapi-typescript's Node API (`openapiTS(document,
 * { defaultNonNullable: false, emptyObjectsUnknown: true })` + `astToString`),
 * run on the main thread after the model, while the drift validators compile
 * in their worker: it shares its TypeScript with the ts-morph emitters that
 * follow (typescript-once.ts), where a worker of its own would load a second
 * compiler. `defaultNonNullable: false` keeps a property with a default optional;
 * `emptyObjectsUnknown: true` reads `{ type: "object" }` as JSON Schema does,
 * any object (ARTU's `metadata`), not an object that must stay empty. Not
 * run through prettier: its own printer output is readable, and prettier on a
 * GitHub-sized spec would take longer than generating it.
 *
 * How OpenAPI 3.1 features come out (openapi-typescript 7; see the
 * openapi-31-features fixture and its test):
 *   const: "x"                 → the literal type "x" (tagged @constant)
 *   enum: ["a", "b"]           → "a" | "b"
 *   anyOf / oneOf              → a union of the members (string | number)
 *   anyOf: [{ enum }, { type: string }] (an open enum) → "a" | "b" | (string & {}):
 *                                 any string fits, editors still list the known values
 *   type: ["string", "null"]   → string | null
 *   {} (no constraints)        → unknown
 *   { type: "object" } without properties → Record<string, unknown>
 *   allOf beside own properties → an intersection ({ own } & components["schemas"]["A"])
 *   a property with a default  → still optional (defaultNonNullable: false), tagged @default
 */
import type { Identifier, Node, TypeNode } from "typescript";
import { SpecError } from "../spec/errors";
import type { OpenApiDocument } from "../spec/load";
import { fileBanner } from "./docs";
import { loadOpenApiTypeScript, loadTypeScript } from "./typescript-once";

/** The options every caller passes to openapi-typescript (see above for why). */
export const OPENAPI_TS_OPTIONS = { defaultNonNullable: false, emptyObjectsUnknown: true, silent: true } as const;

/**
 * openapi-typescript's output for the document given as JSON text (it parses
 * its own copy: openapi-typescript mutates its input), or a located SpecError
 * when it rejects the document.
 */
export async function renderSchemaTypes(json: string, source: string): Promise<string> {
  const { default: openapiTS, astToString } = loadOpenApiTypeScript();
  const ts = loadTypeScript();
  try {
    const ast = await openapiTS(JSON.parse(json) as never, { ...OPENAPI_TS_OPTIONS, postTransform: (type) => openEnum(ts, type) });
    return astToString(ast);
  } catch (error) {
    if (error instanceof SpecError) throw error;
    throw rejection(error instanceof Error ? error.message : String(error), source);
  }
}

/** schema.ts: the banner, then openapi-typescript's output. */
export function schemaFile(document: OpenApiDocument, generated: string): string {
  const info = document.info as { title?: unknown; version?: unknown };
  return `${fileBanner(String(info.title ?? ""), String(info.version ?? ""))}\n\n${generated}`;
}

/**
 * Open enums keep their names: a union of string literals and `string`
 * (`anyOf: [{ enum: [...] }, { type: string }]`, ARTU's ClientType) would
 * collapse to plain `string` in editors, losing completion of the known
 * values. `string` becomes `(string & {})`, which accepts any string while
 * editors still list the literals. Other unions are left as they are.
 */
function openEnum(ts: typeof import("typescript"), type: TypeNode): TypeNode | undefined {
  if (!ts.isUnionTypeNode(type)) return undefined;
  const isString = (node: TypeNode) => node.kind === ts.SyntaxKind.StringKeyword;
  const hasStringLiteral = (node: TypeNode): boolean => {
    if (ts.isParenthesizedTypeNode(node)) return hasStringLiteral(node.type);
    if (ts.isUnionTypeNode(node)) return node.types.some(hasStringLiteral);
    // openapi-typescript prints literals as identifiers holding the quoted text.
    if (ts.isIdentifier(node as Node)) return /^["']/.test((node as Node as Identifier).text);
    return ts.isLiteralTypeNode(node) && ts.isStringLiteral(node.literal);
  };
  if (!type.types.some(isString) || !type.types.some(hasStringLiteral)) return undefined;
  const anyString = ts.factory.createParenthesizedType(
    ts.factory.createIntersectionTypeNode([ts.factory.createKeywordTypeNode(ts.SyntaxKind.StringKeyword), ts.factory.createTypeLiteralNode([])]),
  );
  return ts.factory.createUnionTypeNode(type.types.map((member) => (isString(member) ? anyString : member)));
}

/** openapi-typescript reports "<problem> at #/pointer": keep the pointer as the error's location. */
function rejection(message: string, source: string): SpecError {
  const at = / at #(\/\S*|)$/.exec(message);
  return new SpecError(
    { source, pointer: at ? decodeURI(at[1]!) : "" },
    `openapi-typescript rejected the document: ${at ? message.slice(0, at.index) : message}`,
  );
}
