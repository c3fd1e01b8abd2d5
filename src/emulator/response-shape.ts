/**
 * Keeps an answer to what the snapshot describes: a member of an object the
 * response schema does not describe at that place is left out (a create
 * stores its whole input, for example, but the resource it answers does not
 * list every input field). The spec's objects are open, so validation alone
 * would let such a field through, and a client with `drift: "strict"` would
 * reject the answer. Objects the schema leaves free-form (`metadata`, maps
 * with `additionalProperties`, `{}`) are kept whole. A new object is built;
 * stored records are not touched.
 */
import type { SchemaResolver } from "./query";
import type { JsonSchema } from "./spec-operations";

const COMBINATORS = ["allOf", "anyOf", "oneOf"] as const;
const MAX_DEPTH = 64;

export function keepDescribed(schema: JsonSchema, value: unknown, resolve: SchemaResolver, depth = 0): unknown {
  if (value === null || typeof value !== "object" || depth > MAX_DEPTH) return value;
  const alternatives = alternativesOf(schema, resolve);
  if (Array.isArray(value)) {
    const items = alternatives.flatMap((s) => (s.items && typeof s.items === "object" ? [s.items as JsonSchema] : []));
    return items.length === 1 ? value.map((item) => keepDescribed(items[0]!, item, resolve, depth + 1)) : value;
  }
  const described = new Map<string, JsonSchema[]>();
  for (const s of alternatives) {
    for (const [key, child] of Object.entries((s.properties as Record<string, JsonSchema> | undefined) ?? {})) {
      described.set(key, [...(described.get(key) ?? []), child]);
    }
  }
  const open = described.size === 0 || alternatives.some(isFreeForm);
  const kept: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    const schemas = described.get(key);
    if (schemas === undefined) {
      if (open) kept[key] = child;
    } else kept[key] = schemas.length === 1 ? keepDescribed(schemas[0]!, child, resolve, depth + 1) : child;
  }
  return kept;
}

/** The schema and every allOf/anyOf/oneOf member under it, resolved: the places a property may be described. */
function alternativesOf(schema: JsonSchema, resolve: SchemaResolver, depth = 0): JsonSchema[] {
  const s = resolve(schema);
  if (depth > 16) return [s];
  return [s, ...COMBINATORS.flatMap((key) => ((s[key] as JsonSchema[] | undefined) ?? []).flatMap((member) => alternativesOf(member, resolve, depth + 1)))];
}

/** Accepts members it does not name: additional or pattern properties allowed, or an object schema that names none. */
function isFreeForm(s: JsonSchema): boolean {
  if (s.patternProperties || (s.additionalProperties !== undefined && s.additionalProperties !== false)) return true;
  if (typeof s.$ref === "string") return true; // not a component the resolver can follow: do not guess
  if (s.properties || COMBINATORS.some((key) => key in s) || "enum" in s || "const" in s) return false;
  const type = s.type;
  return type === undefined || type === "object" || (Array.isArray(type) && type.includes("object"));
}
