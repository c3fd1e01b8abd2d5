/**
 * Reads a query string into values typed per the parameter schemas:
 * object parameters in deepObject form (`filter[resource]=client`,
 * `filter[range][gte]=3`), arrays in form-explode form (`id=a&id=b`, or
 * `id=a,b` when `explode: false`), numbers and booleans coerced when the
 * schema does not also accept a string. Parameters absent from the spec are
 * ignored; what cannot be coerced stays a string for the validator to reject.
 */
import { EmulatorError } from "./errors";
import { FORBIDDEN_KEYS, forbiddenKeyMessage } from "./limits";
import type { SpecParameter } from "./spec-operations";
import { alternativeViews } from "./schema-views";
import type { Located, SchemaContext } from "../../scripts/lib/model/schema-view";
import { escapeToken } from "../core/json-pointer";

export function readQuery(search: URLSearchParams, parameters: readonly SpecParameter[], context: SchemaContext): Record<string, unknown> {
  const query: Record<string, unknown> = {};
  for (const parameter of parameters) {
    if (parameter.in !== "query") continue;
    const schema = parameterSchema(parameter);
    const types = schemaTypes(context, schema);
    if (parameter.style === "deepObject" || (types.has("object") && !types.has("string"))) {
      const value = readDeepObject(context, search, parameter.name, schema);
      if (value !== undefined) query[parameter.name] = value;
    } else if (types.has("array") && !types.has("string")) {
      const raw = parameter.explode === false ? (search.get(parameter.name)?.split(",") ?? []) : search.getAll(parameter.name);
      if (raw.length) query[parameter.name] = raw.map((item) => coerceScalar(context, item, itemsSchema(context, schema)));
    } else if (search.has(parameter.name)) {
      query[parameter.name] = coerceScalar(context, search.get(parameter.name)!, schema);
    }
  }
  return query;
}

/**
 * Refuses (400, naming the key) a query key that names a FORBIDDEN_KEYS
 * segment (`filter[__proto__][x]`) or nests deeper than `maxDepth`, whether
 * or not the operation declares it: checked before any key is read.
 */
export function checkQueryKeys(search: URLSearchParams, maxDepth: number): void {
  for (const key of new Set(search.keys())) {
    const segments = keySegments(key);
    const pointer = `/query${segments.map((segment) => `/${escapeToken(segment)}`).join("")}`;
    const forbidden = segments.find((segment) => FORBIDDEN_KEYS.has(segment));
    if (forbidden !== undefined) throw refused(pointer, forbiddenKeyMessage(forbidden));
    if (segments.length > maxDepth) throw refused(pointer, `nests deeper than ${maxDepth} levels`);
  }
}

/** `filter[range][gte]` → ["filter", "range", "gte"]. */
function keySegments(key: string): string[] {
  const open = key.indexOf("[");
  if (open === -1) return [key];
  return [key.slice(0, open), ...[...key.slice(open).matchAll(/\[([^\]]*)\]/g)].map((m) => m[1]!)];
}

const refused = (path: string, message: string): EmulatorError =>
  new EmulatorError(400, "VALIDATION_ERROR", `the query is refused: ${path} ${message}`, [{ path, message }]);

/** Path parameters arrive as strings: coerce them per schema like scalar query values (an integer id becomes a number). */
export function readPathParams(raw: Readonly<Record<string, string>>, parameters: readonly SpecParameter[], context: SchemaContext): Record<string, unknown> {
  const schemas = new Map(parameters.filter((p) => p.in === "path").map((p) => [p.name, parameterSchema(p)]));
  // fromEntries defines own properties, whatever the parameter is called.
  return Object.fromEntries(Object.entries(raw).map(([name, value]) => [name, schemas.has(name) ? coerceScalar(context, value, schemas.get(name)!) : value]));
}

const parameterSchema = (parameter: SpecParameter): Located => ({ value: parameter.schema, pointer: parameter.schemaPointer });

function readDeepObject(context: SchemaContext, search: URLSearchParams, name: string, schema: Located): Record<string, unknown> | undefined {
  let result: Record<string, unknown> | undefined;
  for (const [key, raw] of search) {
    if (!key.startsWith(`${name}[`)) continue;
    const path = keySegments(key).slice(1);
    if (!path.length) continue;
    result ??= {};
    let node: Record<string, unknown> = result;
    let nodeSchema: Located | undefined = schema;
    for (const [index, segment] of path.entries()) {
      const childSchema: Located | undefined = nodeSchema ? propertySchema(context, nodeSchema, segment) : undefined;
      if (index === path.length - 1) {
        const types = childSchema ? schemaTypes(context, childSchema) : new Set<string>();
        const value = childSchema ? coerceScalar(context, raw, types.has("array") && !types.has("string") ? itemsSchema(context, childSchema) : childSchema) : raw;
        const existing = Object.hasOwn(node, segment) ? node[segment] : undefined;
        if (types.has("array") && !types.has("string")) node[segment] = [...(Array.isArray(existing) ? existing : []), value];
        else node[segment] = value;
      } else {
        const next = Object.hasOwn(node, segment) ? node[segment] : undefined;
        node = node[segment] = next && typeof next === "object" && !Array.isArray(next) ? (next as Record<string, unknown>) : {};
        nodeSchema = childSchema;
      }
    }
  }
  return result;
}

/** The JSON types a schema admits, read through the one reader: $ref, allOf (merged), anyOf/oneOf members, nullability, enum and const. */
export function schemaTypes(context: SchemaContext, schema: Located): Set<string> {
  const types = new Set<string>();
  for (const view of alternativeViews(context, schema) ?? []) {
    view.types?.forEach((type) => types.add(type));
    if (view.nullable) types.add("null");
    for (const value of [...(view.enumValues ?? []), ...(view.hasConst ? [view.constValue] : [])]) types.add(jsonType(value));
  }
  if (types.has("integer")) types.add("number");
  return types;
}

function coerceScalar(context: SchemaContext, raw: string, schema: Located): unknown {
  const types = schemaTypes(context, schema);
  if (types.has("string") || types.size === 0) return raw;
  if (types.has("number") && raw.trim() !== "" && Number.isFinite(Number(raw))) return Number(raw);
  if (types.has("boolean") && (raw === "true" || raw === "false")) return raw === "true";
  if (types.has("null") && raw === "null") return null;
  return raw;
}

/** The schema of one member: where a view (or a union member) names it, else an `additionalProperties` schema. */
function propertySchema(context: SchemaContext, schema: Located, key: string): Located | undefined {
  const views = alternativeViews(context, schema) ?? [];
  for (const view of views) {
    const found = view.properties.has(key) ? view.properties.get(key) : undefined;
    if (found) return found;
  }
  const additional = views.find((view) => view.additionalProperties && typeof view.additionalProperties.value === "object")?.additionalProperties;
  return additional;
}

function itemsSchema(context: SchemaContext, schema: Located): Located {
  const items = (alternativeViews(context, schema) ?? []).find((view) => view.items)?.items;
  return items ?? { value: {}, pointer: `${schema.pointer}/items` };
}

function jsonType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value === "number" ? (Number.isInteger(value) ? "integer" : "number") : typeof value;
}
