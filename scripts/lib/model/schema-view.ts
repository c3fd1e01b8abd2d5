/**
 * Structural views of JSON Schemas inside an OpenAPI document, for shape
 * detection: `$ref`s followed, `allOf` merged (properties and required
 * united), `anyOf`/`oneOf` seen either as separate members or as the union of
 * their properties. Every schema travels with its JSON pointer so that errors
 * (dangling refs, cycles) say where they are, and which operation reached them.
 * The complete reading of one schema (every keyword, every `allOf` member's
 * constraints, `anyOf`/`oneOf` apart, unknown keywords listed) is `./schema`,
 * built on `resolve` here; drift compares two documents through it.
 */
import { SpecError } from "../spec/errors";
import { pointer as joinPointer } from "../spec/pointer";
import { deref } from "../spec/refs";

/** What every lookup needs: the document, its file name and the operation being analysed. */
export interface SchemaContext {
  readonly document: unknown;
  readonly source: string;
  /** Label of the operation ("clients.migrate" or "POST /clients"), for error messages. */
  readonly operation?: string;
}

/** A value of the document with the pointer where it lives. */
export interface Located<T = unknown> {
  readonly value: T;
  readonly pointer: string;
}

export type Schema = Record<string, unknown>;

export function child(located: Located, ...tokens: (string | number)[]): Located {
  let value: unknown = located.value;
  for (const token of tokens) value = value === null || typeof value !== "object" ? undefined : (value as Record<string, unknown>)[token];
  return { value, pointer: located.pointer + joinPointer(tokens) };
}

/** Follows `$ref`s; a dangling, external or cyclic reference is a located SpecError naming the operation. */
export function resolve(context: SchemaContext, located: Located): Located {
  try {
    return deref(context.document, located.value, { source: context.source, pointer: located.pointer });
  } catch (error) {
    if (error instanceof SpecError && context.operation !== undefined && error.location.operation === undefined) {
      throw new SpecError({ ...error.location, operation: context.operation }, error.problem, { cause: error });
    }
    throw error;
  }
}

/** The resolved schema when it is a schema object (booleans and missing schemas give undefined). */
export function resolveSchema(context: SchemaContext, located: Located): Located<Schema> | undefined {
  const resolved = resolve(context, located);
  return isObject(resolved.value) ? (resolved as Located<Schema>) : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** The declared types of a schema: `type: "x"` or `type: ["x", "null"]`. */
export function schemaTypes(schema: Schema): string[] {
  const { type } = schema;
  if (typeof type === "string") return [type];
  return Array.isArray(type) ? type.filter((item): item is string => typeof item === "string") : [];
}

/** The members of a schema's `anyOf` or `oneOf` (resolved), or undefined when it has neither. */
export function unionMembers(context: SchemaContext, located: Located<Schema>): Located<Schema>[] | undefined {
  for (const keyword of ["oneOf", "anyOf"] as const) {
    const members = located.value[keyword];
    if (Array.isArray(members)) {
      return members.flatMap((_, index) => resolveSchema(context, child(located, keyword, index)) ?? []);
    }
  }
  return undefined;
}

/** An object schema seen flat: its properties (first definition wins) and which of them are required. */
export interface ObjectView {
  readonly properties: ReadonlyMap<string, Located>;
  readonly required: ReadonlySet<string>;
  /** True when the schema says `type: "object"` or declares properties somewhere. */
  readonly isObject: boolean;
}

/**
 * The flat object view of a schema: own properties, `allOf` merged (required
 * united) and `anyOf`/`oneOf` united (a property is required only when every
 * member requires it). Self-referencing combinations stop at the first repeat.
 */
export function objectView(context: SchemaContext, located: Located, seen: ReadonlySet<string> = new Set()): ObjectView {
  const schema = resolveSchema(context, located);
  if (!schema || seen.has(schema.pointer)) return { properties: new Map(), required: new Set(), isObject: false };
  const inside = new Set(seen).add(schema.pointer);
  const properties = new Map<string, Located>();
  const required = new Set<string>();
  let isObjectSchema = schemaTypes(schema.value).includes("object");

  const own = schema.value.properties;
  if (isObject(own)) {
    for (const name of Object.keys(own)) properties.set(name, child(schema, "properties", name));
    isObjectSchema ||= Object.keys(own).length > 0;
  }
  for (const name of stringArray(schema.value.required)) required.add(name);

  const merge = (view: ObjectView) => {
    for (const [name, property] of view.properties) if (!properties.has(name)) properties.set(name, property);
    isObjectSchema ||= view.isObject;
  };
  if (Array.isArray(schema.value.allOf)) {
    schema.value.allOf.forEach((_, index) => {
      const view = objectView(context, child(schema, "allOf", index), inside);
      merge(view);
      for (const name of view.required) required.add(name);
    });
  }
  for (const keyword of ["oneOf", "anyOf"] as const) {
    const members = schema.value[keyword];
    if (!Array.isArray(members) || members.length === 0) continue;
    const views = members.map((_, index) => objectView(context, child(schema, keyword, index), inside));
    views.forEach(merge);
    for (const name of views[0]!.required) if (views.every((view) => view.required.has(name))) required.add(name);
  }
  return { properties, required, isObject: isObjectSchema };
}

function stringArray(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}

/** An array schema's items and `maxItems`, or undefined when the schema is not an array. */
export function arrayView(
  context: SchemaContext,
  located: Located,
): { items: Located; maxItems: number | undefined } | undefined {
  const schema = resolveSchema(context, located);
  if (!schema) return undefined;
  const isArray = schemaTypes(schema.value).includes("array") || "items" in schema.value;
  if (!isArray) return undefined;
  const { maxItems } = schema.value;
  return {
    items: child(schema, "items"),
    maxItems: typeof maxItems === "number" && Number.isInteger(maxItems) && maxItems >= 0 ? maxItems : undefined,
  };
}

const SCALAR_TYPES = new Set(["string", "number", "integer", "boolean"]);

/** A single scalar value: every declared type (besides null) is a scalar one, or the schema is a const/enum. */
export function isScalarSchema(context: SchemaContext, located: Located): boolean {
  const schema = resolveSchema(context, located);
  if (!schema) return false;
  const types = schemaTypes(schema.value).filter((type) => type !== "null");
  if (types.length > 0) return types.every((type) => SCALAR_TYPES.has(type));
  if ("const" in schema.value) return isScalarValue(schema.value.const);
  const { enum: values } = schema.value;
  return Array.isArray(values) && values.length > 0 && values.every((value) => value === null || isScalarValue(value));
}

function isScalarValue(value: unknown): boolean {
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean";
}

export function isBooleanSchema(context: SchemaContext, located: Located): boolean {
  const schema = resolveSchema(context, located);
  return schema !== undefined && schemaTypes(schema.value).filter((type) => type !== "null").join() === "boolean";
}

/** The one constant a schema allows (`const` or a single-value `enum`), if it is a string. */
export function stringConstant(context: SchemaContext, located: Located): string | undefined {
  const schema = resolveSchema(context, located);
  if (!schema) return undefined;
  if (typeof schema.value.const === "string") return schema.value.const;
  const { enum: values } = schema.value;
  return Array.isArray(values) && values.length === 1 && typeof values[0] === "string" ? values[0] : undefined;
}
