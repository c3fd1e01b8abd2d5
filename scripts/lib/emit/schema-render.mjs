// openapi-typescript on a document's JSON text, with the options and the
// open-enum transform every caller uses (schema.ts says why). Plain
// JavaScript, so that a worker thread can run it without a TypeScript loader:
// schema.ts runs it on the main thread, schema-worker.mjs beside the rest of
// generate on very large specs. Loaded through CommonJS `require`: an ESM
// import of a CommonJS module makes Node lex its source for export names
// first, ~0.3 s for typescript.js (9 MB).
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

export const OPENAPI_TS_OPTIONS = Object.freeze({ defaultNonNullable: false, emptyObjectsUnknown: true, silent: true });

/** Loads openapi-typescript and TypeScript now (the first call is the slow one). */
export function loadOpenApiTypeScript() {
  return { ...require("openapi-typescript"), ts: require("typescript") };
}

/** schema.ts's body for the document given as JSON text (openapi-typescript parses, and mutates, its own copy). */
export async function renderSchemaTypes(json) {
  const { default: openapiTS, astToString, ts } = loadOpenApiTypeScript();
  const ast = await openapiTS(JSON.parse(json), { ...OPENAPI_TS_OPTIONS, postTransform: (type) => openEnum(ts, type) });
  return astToString(ast);
}

/**
 * Open enums keep their names: a union of string literals and `string`
 * (`anyOf: [{ enum: [...] }, { type: string }]`, ARTU's ClientType) would
 * collapse to plain `string` in editors, losing completion of the known
 * values. `string` becomes `(string & {})`, which accepts any string while
 * editors still list the literals. Other unions are left as they are.
 */
function openEnum(ts, type) {
  if (!ts.isUnionTypeNode(type)) return undefined;
  const isString = (node) => node.kind === ts.SyntaxKind.StringKeyword;
  const hasStringLiteral = (node) => {
    if (ts.isParenthesizedTypeNode(node)) return hasStringLiteral(node.type);
    if (ts.isUnionTypeNode(node)) return node.types.some(hasStringLiteral);
    // openapi-typescript prints literals as identifiers holding the quoted text.
    if (ts.isIdentifier(node)) return /^["']/.test(node.text);
    return ts.isLiteralTypeNode(node) && ts.isStringLiteral(node.literal);
  };
  if (!type.types.some(isString) || !type.types.some(hasStringLiteral)) return undefined;
  const anyString = ts.factory.createParenthesizedType(
    ts.factory.createIntersectionTypeNode([ts.factory.createKeywordTypeNode(ts.SyntaxKind.StringKeyword), ts.factory.createTypeLiteralNode([])]),
  );
  return ts.factory.createUnionTypeNode(type.types.map((member) => (isString(member) ? anyString : member)));
}
