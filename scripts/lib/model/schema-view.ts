/**
 * Structural views of JSON Schemas inside an OpenAPI document, for shape
 * detection. The views are read through the one schema reader (`./schema`,
 * `viewSchema`): `$ref`s followed, `allOf` merged so that every member's
 * definitions and constraints apply (a property's other definitions travel in
 * `also`, `maxItems` is the tightest), `anyOf`/`oneOf` apart, type arrays and
 * nullability. This module adds what detectors ask for on top: `anyOf`/`oneOf`
 * members united into one object view, and the base every reader shares
 * (`SchemaContext`, `Located`, `resolve`). Every schema travels with its JSON
 * pointer so that errors (dangling refs, cycles) say where they are, and
 * which operation reached them.
 */
import { SpecError } from "../spec/errors";
import { pointer as joinPointer } from "../spec/pointer";
import { deref } from "../spec/refs";
import { viewSchema, type SchemaAt } from "./schema/view";

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

/** The types a value of the schema may have besides null, every `allOf` member's `type` intersected (inferred from `properties`/`items` when none is declared). */
export function valueTypes(context: SchemaContext, located: Located): readonly string[] {
  return viewSchema(context, located).types ?? [];
}

/** The members of a schema's `anyOf` or `oneOf` as the one reader sees them (null members aside), or undefined when it has neither. */
export function unionMembers(context: SchemaContext, located: Located): Located<Schema>[] | undefined {
  const view = viewSchema(context, located);
  return view.variants?.flatMap((variant) => {
    const resolved = resolve(context, variant);
    return isObject(resolved.value) ? [{ ...variant, value: resolved.value, pointer: resolved.pointer } as Located<Schema>] : [];
  });
}

/** An object schema seen flat: its properties (every definition of one kept) and which of them are required. */
export interface ObjectView {
  /** Each property is where it is first defined, with the other definitions (`allOf` members) in `also`. */
  readonly properties: ReadonlyMap<string, SchemaAt>;
  readonly required: ReadonlySet<string>;
  /** True when the schema says `type: "object"` or declares properties somewhere. */
  readonly isObject: boolean;
}

/**
 * The flat object view of a schema through the one reader (`viewSchema`):
 * `allOf` merged (every member's definitions of a property apply, required
 * united), `anyOf`/`oneOf` members united here (a property is required only
 * when every member requires it). Self-referencing combinations stop at the
 * first repeat.
 */
export function objectView(context: SchemaContext, located: Located, seen: ReadonlySet<string> = new Set()): ObjectView {
  const view = viewSchema(context, located);
  if (seen.has(view.key)) return { properties: new Map(), required: new Set(), isObject: false };
  const inside = new Set(seen).add(view.key);
  const properties = new Map<string, SchemaAt>(view.properties);
  const required = new Set(view.required);
  let isObjectSchema = (view.types?.includes("object") ?? false) || view.properties.size > 0;
  const members = view.variants ?? [];
  if (members.length > 0) {
    const views = members.map((member) => objectView(context, member, inside));
    for (const member of views) {
      for (const [name, property] of member.properties) if (!properties.has(name)) properties.set(name, property);
      isObjectSchema ||= member.isObject;
    }
    for (const name of views[0]!.required) if (views.every((member) => member.required.has(name))) required.add(name);
  }
  return { properties, required, isObject: isObjectSchema };
}

/** An array schema's items and `maxItems` (the tightest of every `allOf` member), or undefined when the schema is not an array. */
export function arrayView(
  context: SchemaContext,
  located: Located,
): { items: Located; maxItems: number | undefined } | undefined {
  const view = viewSchema(context, located);
  if (!view.types?.includes("array") && !view.items) return undefined;
  const { maxItems } = view.keywords;
  return {
    items: view.items ?? { value: undefined, pointer: `${view.pointer}/items` },
    maxItems: typeof maxItems === "number" && Number.isInteger(maxItems) && maxItems >= 0 ? maxItems : undefined,
  };
}

const SCALAR_TYPES = new Set(["string", "number", "integer", "boolean"]);

/** A single scalar value: every declared type (besides null) is a scalar one, or the schema is a const/enum. */
export function isScalarSchema(context: SchemaContext, located: Located): boolean {
  const view = viewSchema(context, located);
  if (view.types !== undefined && view.types.length > 0) return view.types.every((type) => SCALAR_TYPES.has(type));
  if (view.hasConst) return isScalarValue(view.constValue);
  const { enum: values } = view.keywords;
  return Array.isArray(values) && values.length > 0 && values.every((value) => value === null || isScalarValue(value));
}

function isScalarValue(value: unknown): boolean {
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean";
}

export function isBooleanSchema(context: SchemaContext, located: Located): boolean {
  return viewSchema(context, located).types?.join() === "boolean";
}

/** The one constant a schema allows (`const` or a single-value `enum`), if it is a string. */
export function stringConstant(context: SchemaContext, located: Located): string | undefined {
  const view = viewSchema(context, located);
  if (typeof view.constValue === "string") return view.constValue;
  const { enum: values } = view.keywords;
  return Array.isArray(values) && values.length === 1 && typeof values[0] === "string" ? values[0] : undefined;
}

/** A keyword's value as the one reader merges it (`default`, `description`, …). */
export function schemaKeyword(context: SchemaContext, located: Located, keyword: string): unknown {
  return viewSchema(context, located).keywords[keyword];
}
