/**
 * What kind of OpenAPI object lives at each position of a document, from the
 * document's structure alone (no `$ref` followed): `#/components/parameters/Id`
 * is a parameter, `#/paths/~1a/get/responses/200` a response, every schema
 * keyword's subschema a schema. `$ref` checks compare a reference's position
 * with its target's. Iterative; positions inside extensions (`x-…`) and
 * example values are not classified (their kind is unknown).
 */
import { HTTP_METHODS } from "./merge";
import { escapeKey } from "./refs";

/** Kinds a `$ref` may stand for (OpenAPI 3.0 Reference Object positions, plus 3.1 path items). */
export const REFERENCEABLE_KINDS = [
  "schema",
  "parameter",
  "header",
  "requestBody",
  "response",
  "example",
  "link",
  "callback",
  "pathItem",
  "securityScheme",
] as const;
export type ReferenceableKind = (typeof REFERENCEABLE_KINDS)[number];
/** Structural positions no `$ref` may target: the document, maps, operations, media types… */
export type PositionKind = ReferenceableKind | "document" | "components" | "map" | "operation" | "mediaType" | "encoding";

/** A child position: its tokens below the parent, its value, its kind. */
type Child = [tokens: readonly (string | number)[], value: unknown, kind: PositionKind | MapOf];
type Children = (node: Record<string, unknown>) => Iterable<Child>;
/** A map whose entries are all of one kind; `extensions`: its `x-…` keys are extensions, not entries. */
interface MapOf {
  readonly mapOf: PositionKind;
  readonly extensions?: true;
}


const COMPONENT_KINDS: Readonly<Record<string, PositionKind>> = {
  schemas: "schema",
  responses: "response",
  parameters: "parameter",
  examples: "example",
  requestBodies: "requestBody",
  headers: "header",
  securitySchemes: "securityScheme",
  links: "link",
  callbacks: "callback",
  pathItems: "pathItem",
};
const SUBSCHEMA = ["additionalProperties", "not", "if", "then", "else", "contains", "propertyNames", "unevaluatedItems", "unevaluatedProperties", "additionalItems", "contentSchema"];
const SUBSCHEMA_LISTS = ["allOf", "anyOf", "oneOf", "prefixItems"];
const SUBSCHEMA_MAPS = ["properties", "patternProperties", "dependentSchemas", "$defs", "definitions"];

function* fields(node: Record<string, unknown>, table: Readonly<Record<string, PositionKind | MapOf>>) {
  for (const [key, kind] of Object.entries(table)) {
    if (Object.hasOwn(node, key)) yield [[key], node[key], kind] as Child;
  }
}

function* listed(node: Record<string, unknown>, key: string, kind: PositionKind): Generator<Child> {
  const list = Object.hasOwn(node, key) ? node[key] : undefined;
  if (!Array.isArray(list)) return;
  for (let index = 0; index < list.length; index++) yield [[key, index], list[index], kind];
}

const CHILDREN: Readonly<Record<PositionKind, Children>> = {
  document: (node) => fields(node, { paths: { mapOf: "pathItem", extensions: true }, webhooks: { mapOf: "pathItem" }, components: "components" }),
  components: function* (node) {
    for (const [key, kind] of Object.entries(COMPONENT_KINDS)) if (Object.hasOwn(node, key)) yield [[key], node[key], { mapOf: kind }];
  },
  map: () => [],
  pathItem: function* (node) {
    for (const method of HTTP_METHODS) if (Object.hasOwn(node, method)) yield [[method], node[method], "operation"];
    yield* listed(node, "parameters", "parameter");
  },
  operation: function* (node) {
    yield* listed(node, "parameters", "parameter");
    yield* fields(node, { requestBody: "requestBody", responses: { mapOf: "response", extensions: true }, callbacks: { mapOf: "callback" } });
  },
  callback: function* (node) {
    for (const [key, value] of Object.entries(node)) if (!key.startsWith("x-")) yield [[key], value, "pathItem"];
  },
  parameter: (node) => fields(node, { schema: "schema", content: { mapOf: "mediaType" }, examples: { mapOf: "example" } }),
  header: (node) => fields(node, { schema: "schema", content: { mapOf: "mediaType" }, examples: { mapOf: "example" } }),
  requestBody: (node) => fields(node, { content: { mapOf: "mediaType" } }),
  mediaType: (node) => fields(node, { schema: "schema", examples: { mapOf: "example" }, encoding: { mapOf: "encoding" } }),
  encoding: (node) => fields(node, { headers: { mapOf: "header" } }),
  response: (node) => fields(node, { headers: { mapOf: "header" }, content: { mapOf: "mediaType" }, links: { mapOf: "link" } }),
  schema: function* (node) {
    for (const key of SUBSCHEMA) if (Object.hasOwn(node, key)) yield [[key], node[key], "schema"];
    for (const key of SUBSCHEMA_LISTS) yield* listed(node, key, "schema");
    for (const key of SUBSCHEMA_MAPS) if (Object.hasOwn(node, key)) yield [[key], node[key], { mapOf: "schema" }];
    if (Array.isArray(node.items)) yield* listed(node, "items", "schema");
    else if (Object.hasOwn(node, "items")) yield [["items"], node.items, "schema"];
  },
  example: () => [],
  link: () => [],
  securityScheme: () => [],
};

/** Pointer (RFC 6901, as in a `$ref` after "#") → kind, for every classified position of `document`. */
export function classifyPositions(document: unknown): Map<string, PositionKind> {
  const kinds = new Map<string, PositionKind>();
  const stack: { node: unknown; path: string; kind: PositionKind | MapOf }[] = [{ node: document, path: "", kind: "document" }];
  while (stack.length > 0) {
    const { node, path, kind } = stack.pop()!;
    if (node === null || typeof node !== "object" || Array.isArray(node)) continue;
    const record = node as Record<string, unknown>;
    if (typeof kind === "object") {
      kinds.set(path, "map");
      for (const [key, value] of Object.entries(record)) {
        if (!kind.extensions || !key.startsWith("x-")) stack.push({ node: value, path: `${path}/${escapeKey(key)}`, kind: kind.mapOf });
      }
      continue;
    }
    kinds.set(path, kind);
    const children = [...CHILDREN[kind](record)];
    for (let i = children.length - 1; i >= 0; i--) {
      const [tokens, value, childKind] = children[i]!;
      stack.push({ node: value, path: path + tokens.map((token) => `/${typeof token === "number" ? token : escapeKey(token)}`).join(""), kind: childKind });
    }
  }
  return kinds;
}
