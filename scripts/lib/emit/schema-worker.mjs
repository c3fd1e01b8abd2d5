// Runs openapi-typescript in a worker thread so that it overlaps the model,
// ts-morph and prettier work on the main thread (generate then takes about as
// long as openapi-typescript alone). openapi-typescript starts loading as soon
// as the worker starts, before the document arrives. Plain JavaScript: a
// worker gets no TypeScript loader under vitest or plain node.
// Message in: { json } (the document as JSON text).
// Message out: { ok: true, text } or { ok: false, message }.
import { parentPort } from "node:worker_threads";

const loading = Promise.all([import("openapi-typescript"), import("typescript")]);

parentPort.once("message", async ({ json }) => {
  try {
    const [{ default: openapiTS, astToString }, typescript] = await loading;
    const ts = typescript.default ?? typescript;
    const ast = await openapiTS(JSON.parse(json), {
      defaultNonNullable: false,
      emptyObjectsUnknown: true,
      silent: true,
      postTransform: (type) => openEnum(ts, type),
    });
    parentPort.postMessage({ ok: true, text: astToString(ast) });
  } catch (error) {
    parentPort.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
  }
});

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
