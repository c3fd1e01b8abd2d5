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
import type { JsonSchema, SpecParameter } from "./spec-operations";
import { escapeToken } from "../core/json-pointer";

/** Resolves a schema's `$ref` (to a component), so coercion can see the real type. */
export type SchemaResolver = (schema: JsonSchema) => JsonSchema;

export function readQuery(search: URLSearchParams, parameters: readonly SpecParameter[], resolve: SchemaResolver): Record<string, unknown> {
  const query: Record<string, unknown> = {};
  for (const parameter of parameters) {
    if (parameter.in !== "query") continue;
    const schema = resolve(parameter.schema);
    const types = schemaTypes(schema, resolve);
    if (parameter.style === "deepObject" || (types.has("object") && !types.has("string"))) {
      const value = readDeepObject(search, parameter.name, schema, resolve);
      if (value !== undefined) query[parameter.name] = value;
    } else if (types.has("array") && !types.has("string")) {
      const raw = parameter.explode === false ? (search.get(parameter.name)?.split(",") ?? []) : search.getAll(parameter.name);
      if (raw.length) query[parameter.name] = raw.map((item) => coerceScalar(item, itemsSchema(schema, resolve), resolve));
    } else if (search.has(parameter.name)) {
      query[parameter.name] = coerceScalar(search.get(parameter.name)!, schema, resolve);
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
export function readPathParams(raw: Readonly<Record<string, string>>, parameters: readonly SpecParameter[], resolve: SchemaResolver): Record<string, unknown> {
  const schemas = new Map(parameters.filter((p) => p.in === "path").map((p) => [p.name, p.schema]));
  // fromEntries defines own properties, whatever the parameter is called.
  return Object.fromEntries(Object.entries(raw).map(([name, value]) => [name, schemas.has(name) ? coerceScalar(value, schemas.get(name)!, resolve) : value]));
}

function readDeepObject(search: URLSearchParams, name: string, schema: JsonSchema, resolve: SchemaResolver): Record<string, unknown> | undefined {
  let result: Record<string, unknown> | undefined;
  for (const [key, raw] of search) {
    if (!key.startsWith(`${name}[`)) continue;
    const path = keySegments(key).slice(1);
    if (!path.length) continue;
    result ??= {};
    let node: Record<string, unknown> = result;
    let nodeSchema: JsonSchema | undefined = schema;
    for (const [index, segment] of path.entries()) {
      const childSchema: JsonSchema | undefined = nodeSchema ? propertySchema(nodeSchema, segment, resolve) : undefined;
      if (index === path.length - 1) {
        const types = childSchema ? schemaTypes(childSchema, resolve) : new Set<string>();
        const value = childSchema ? coerceScalar(raw, types.has("array") && !types.has("string") ? itemsSchema(childSchema, resolve) : childSchema, resolve) : raw;
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

/** The JSON types a schema admits, looking through $ref, allOf, anyOf, oneOf, enum and const. */
export function schemaTypes(schema: JsonSchema, resolve: SchemaResolver, depth = 0): Set<string> {
  const types = new Set<string>();
  if (depth > 8) return types;
  const s = resolve(schema);
  const declared = s.type;
  if (typeof declared === "string") types.add(declared);
  if (Array.isArray(declared)) declared.forEach((t) => types.add(String(t)));
  if (s.properties) types.add("object");
  if (s.items) types.add("array");
  for (const value of [...((s.enum as unknown[]) ?? []), ...("const" in s ? [s.const] : [])]) types.add(jsonType(value));
  for (const key of ["anyOf", "oneOf", "allOf"] as const) {
    for (const branch of (s[key] as JsonSchema[] | undefined) ?? []) schemaTypes(branch, resolve, depth + 1).forEach((t) => types.add(t));
  }
  if (types.has("integer")) types.add("number");
  return types;
}

function coerceScalar(raw: string, schema: JsonSchema, resolve: SchemaResolver): unknown {
  const types = schemaTypes(schema, resolve);
  if (types.has("string") || types.size === 0) return raw;
  if (types.has("number") && raw.trim() !== "" && Number.isFinite(Number(raw))) return Number(raw);
  if (types.has("boolean") && (raw === "true" || raw === "false")) return raw === "true";
  if (types.has("null") && raw === "null") return null;
  return raw;
}

function propertySchema(schema: JsonSchema, key: string, resolve: SchemaResolver): JsonSchema | undefined {
  const s = resolve(schema);
  const direct = (s.properties as Record<string, JsonSchema> | undefined)?.[key];
  if (direct) return direct;
  for (const combinator of ["allOf", "anyOf", "oneOf"] as const) {
    for (const branch of (s[combinator] as JsonSchema[] | undefined) ?? []) {
      const found = propertySchema(branch, key, resolve);
      if (found) return found;
    }
  }
  return typeof s.additionalProperties === "object" ? (s.additionalProperties as JsonSchema) : undefined;
}

function itemsSchema(schema: JsonSchema, resolve: SchemaResolver): JsonSchema {
  const s = resolve(schema);
  if (s.items && typeof s.items === "object") return s.items as JsonSchema;
  for (const combinator of ["allOf", "anyOf", "oneOf"] as const) {
    for (const branch of (s[combinator] as JsonSchema[] | undefined) ?? []) {
      const b = resolve(branch);
      if (b.items) return b.items as JsonSchema;
    }
  }
  return {};
}

function jsonType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value === "number" ? (Number.isInteger(value) ? "integer" : "number") : typeof value;
}
