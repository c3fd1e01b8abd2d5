/**
 * A schema seen the way drift compares it: `$ref`s followed, `allOf` parts
 * merged into one object, nullability pulled out of `type: [.., "null"]`,
 * `nullable: true`, `enum: [.., null]` and `anyOf`/`oneOf` null variants, so
 * that `anyOf: [X, {type: "null"}]` and `type: [X, "null"]` compare equal.
 */
import { deref } from "../spec/refs";
import { escapeToken } from "../spec/pointer";

export interface Side {
  readonly document: unknown;
  /** Name of the document in error messages (file, `git:ref:path`). */
  readonly source: string;
}

/** A schema (possibly a `$ref`) and the pointer where it is written. */
export interface Located {
  readonly schema: unknown;
  readonly pointer: string;
}

export interface SchemaView {
  /** Where the resolved schema lives (a component for a `$ref`). */
  readonly pointer: string;
  /** The merged keywords (allOf parts folded in, first definition wins). */
  readonly keywords: Readonly<Record<string, unknown>>;
  /** Sorted types without "null"; `undefined` when the schema does not say. */
  readonly types: readonly string[] | undefined;
  readonly nullable: boolean;
  readonly properties: ReadonlyMap<string, Located>;
  readonly required: ReadonlySet<string>;
  readonly items: Located | undefined;
  readonly additionalProperties: Located | undefined;
  /** `anyOf`/`oneOf` variants other than null. */
  readonly variants: readonly Located[] | undefined;
  /** Enum values other than null. */
  readonly enumValues: readonly unknown[] | undefined;
  readonly hasConst: boolean;
  readonly constValue: unknown;
}

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

export function resolve(side: Side, located: Located): { value: JsonObject; pointer: string } {
  const { value, pointer } = deref(side.document, located.schema, { source: side.source, pointer: located.pointer });
  return { value: isObject(value) ? value : {}, pointer };
}

/** `allOf` parts, depth first, each resolved; `seen` stops reference cycles through allOf. */
function collectParts(side: Side, located: Located, seen: Set<string>): { value: JsonObject; pointer: string }[] {
  // OpenAPI 3.1 lets keywords sit next to a `$ref` (`{ $ref, description, nullable }`): they come
  // first, so they win over the target's, and the target is folded in like an allOf part.
  const siblings = isObject(located.schema) && typeof located.schema.$ref === "string" ? withoutRef(located.schema) : undefined;
  const resolved = resolve(side, located);
  if (seen.has(resolved.pointer)) return [];
  seen.add(resolved.pointer);
  const parts = siblings ? [{ value: siblings, pointer: located.pointer }, resolved] : [resolved];
  const allOf = resolved.value.allOf;
  if (Array.isArray(allOf)) {
    allOf.forEach((member, index) => {
      parts.push(...collectParts(side, { schema: member, pointer: `${resolved.pointer}/allOf/${index}` }, seen));
    });
  }
  return parts;
}

function withoutRef(schema: JsonObject): JsonObject | undefined {
  const { $ref: _ref, ...rest } = schema;
  return Object.keys(rest).length > 0 ? rest : undefined;
}

function typesOf(keywords: JsonObject): { types: string[] | undefined; nullFromType: boolean } {
  const raw = keywords.type;
  const list = typeof raw === "string" ? [raw] : Array.isArray(raw) ? raw.filter((item): item is string => typeof item === "string") : undefined;
  if (list === undefined) return { types: undefined, nullFromType: false };
  return { types: [...new Set(list.filter((type) => type !== "null"))].sort(), nullFromType: list.includes("null") };
}

function isNullSchema(side: Side, located: Located): boolean {
  const { value } = resolve(side, located);
  const { types, nullFromType } = typesOf(value);
  return (nullFromType && types !== undefined && types.length === 0) || ("const" in value && value.const === null);
}

export function viewSchema(side: Side, located: Located): SchemaView {
  const parts = collectParts(side, located, new Set());
  const keywords: JsonObject = {};
  const properties = new Map<string, Located>();
  const required = new Set<string>();
  let items: Located | undefined;
  let additionalProperties: Located | undefined;
  let variants: Located[] | undefined;
  for (const { value, pointer } of parts) {
    for (const [key, keyword] of Object.entries(value)) {
      if (key !== "allOf" && !(key in keywords)) keywords[key] = keyword;
    }
    if (isObject(value.properties)) {
      for (const [name, schema] of Object.entries(value.properties)) {
        if (!properties.has(name)) properties.set(name, { schema, pointer: `${pointer}/properties/${escapeToken(name)}` });
      }
    }
    if (Array.isArray(value.required)) value.required.forEach((name) => typeof name === "string" && required.add(name));
    if (items === undefined && isObject(value.items)) items = { schema: value.items, pointer: `${pointer}/items` };
    if (additionalProperties === undefined && isObject(value.additionalProperties)) {
      additionalProperties = { schema: value.additionalProperties, pointer: `${pointer}/additionalProperties` };
    }
    for (const kind of ["anyOf", "oneOf"] as const) {
      const members = value[kind];
      if (variants === undefined && Array.isArray(members)) {
        variants = members.map((schema, index) => ({ schema, pointer: `${pointer}/${kind}/${index}` }));
      }
    }
  }

  const { types: declared, nullFromType } = typesOf(keywords);
  let nullable = nullFromType || keywords.nullable === true;
  if (variants) {
    const nonNull = variants.filter((variant) => !isNullSchema(side, variant));
    if (nonNull.length < variants.length) nullable = true;
    variants = nonNull;
    // `anyOf: [X, null]` is X made nullable, `anyOf: [X]` is X: compare them as X.
    if (variants.length === 1 && properties.size === 0 && declared === undefined) {
      const inner = viewSchema(side, variants[0]!);
      const description = keywords.description ?? inner.keywords.description;
      return { ...inner, nullable: nullable || inner.nullable, keywords: { ...inner.keywords, ...(description === undefined ? {} : { description }) } };
    }
  }
  let enumValues: unknown[] | undefined;
  if (Array.isArray(keywords.enum)) {
    if (keywords.enum.includes(null)) nullable = true;
    enumValues = keywords.enum.filter((value) => value !== null);
  }
  const types = declared ?? (properties.size > 0 ? ["object"] : items ? ["array"] : undefined);
  const first = parts[0];
  return {
    pointer: first?.pointer ?? located.pointer,
    keywords,
    types: types && types.length > 0 ? types : declared,
    nullable,
    properties,
    required,
    items,
    additionalProperties,
    variants,
    enumValues,
    hasConst: "const" in keywords,
    constValue: keywords.const,
  };
}

