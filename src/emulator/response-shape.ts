/**
 * Keeps an answer to what the snapshot describes: a member of an object the
 * response schema does not describe at that place is left out (a create
 * stores its whole input, for example, but the resource it answers does not
 * list every input field). The spec's objects are open, so validation alone
 * would let such a field through, and a client with `drift: "strict"` would
 * reject the answer. Objects the schema leaves free-form (`metadata`, maps
 * with `additionalProperties`, `{}`) are kept whole. A new object is built;
 * stored records are not touched. Schemas are read through the one reader
 * (./schema-views.ts), so a property several `allOf` members define is one
 * merged description.
 */
import type { Located, SchemaContext } from "../../scripts/lib/model/schema-view";
import type { SchemaView } from "../../scripts/lib/model/schema";
import { alternativeViews } from "./schema-views";

const MAX_DEPTH = 64;

export function keepDescribed(context: SchemaContext, schema: Located, value: unknown, depth = 0): unknown {
  if (value === null || typeof value !== "object" || depth > MAX_DEPTH) return value;
  const alternatives = alternativeViews(context, schema);
  if (!alternatives) return value; // a schema the reader cannot follow: do not guess
  if (Array.isArray(value)) {
    const items = alternatives.flatMap((view) => (view.items && typeof view.items.value === "object" ? [view.items] : []));
    return items.length === 1 ? value.map((item) => keepDescribed(context, items[0]!, item, depth + 1)) : value;
  }
  const described = new Map<string, Located[]>();
  for (const view of alternatives) {
    for (const [key, child] of view.properties) described.set(key, [...(described.get(key) ?? []), child]);
  }
  const open = described.size === 0 || alternatives.some(isFreeForm);
  const kept: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    const schemas = described.get(key);
    if (schemas === undefined) {
      if (open) kept[key] = child;
    } else kept[key] = schemas.length === 1 ? keepDescribed(context, schemas[0]!, child, depth + 1) : child;
  }
  return kept;
}

/** Accepts members it does not name: additional or pattern properties allowed, or an object schema that names none. */
function isFreeForm(view: SchemaView): boolean {
  const additional = view.additionalProperties;
  if (additional && [additional, ...(additional.also ?? [])].some((definition) => definition.value !== false)) return true;
  if ([...view.subschemas.keys()].some((key) => key.startsWith("patternProperties/"))) return true;
  if (view.properties.size > 0 || view.variants || view.enumValues || view.hasConst) return false;
  return view.types === undefined || view.types.includes("object");
}
