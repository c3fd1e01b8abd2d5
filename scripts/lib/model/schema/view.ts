/**
 * The one reading of a JSON Schema inside an OpenAPI document, as every
 * stage compares or inspects it: `$ref`s followed (siblings of a `$ref`
 * applied too), `allOf` merged so that every member's constraints apply
 * (the tightest bound wins, enums intersect, patterns and `required`
 * accumulate, a property defined by several members keeps all of its
 * definitions), `anyOf` and `oneOf` kept apart, nullability pulled out of
 * `type: [.., "null"]`, `nullable: true`, `enum: [.., null]` and null
 * variants, so `anyOf: [X, {type: "null"}]` and `type: [X, "null"]` read
 * the same. Reference cycles stop at the first repeat; a keyword the reader
 * does not know is listed in `unknown`, never dropped silently.
 */
import { escapeToken } from "../../spec/pointer";
import { sameJson } from "../../spec/normalize";
import { resolve, type Located, type SchemaContext } from "../schema-view";
import { isExtension, KNOWN_KEYWORDS, LOWER_BOUNDS, SCHEMA_MAP_KEYWORDS, SUBSCHEMA_KEYWORDS, UPPER_BOUNDS } from "./keywords";

/**
 * A schema where it is written, plus the other definitions that apply to the
 * same value (a property defined by two `allOf` members).
 */
export interface SchemaAt extends Located {
  readonly also?: readonly Located[];
}

export type UnionKind = "anyOf" | "oneOf";

export interface SchemaView {
  /** Where the resolved schema lives (a component for a `$ref`). */
  readonly pointer: string;
  /** Every definition folded into this view, for cycle detection. */
  readonly key: string;
  /** The merged keywords: bounds at their tightest, `enum` intersected, other keywords first definition wins. */
  readonly keywords: Readonly<Record<string, unknown>>;
  /** Sorted types without "null"; `undefined` when the schema does not say. */
  readonly types: readonly string[] | undefined;
  readonly nullable: boolean;
  /** `false` (or a `not: {}`): no value is valid. */
  readonly rejectsAll: boolean;
  readonly properties: ReadonlyMap<string, SchemaAt>;
  readonly required: ReadonlySet<string>;
  readonly items: SchemaAt | undefined;
  readonly prefixItems: readonly SchemaAt[] | undefined;
  /** `additionalProperties` as written (a schema or a boolean). */
  readonly additionalProperties: SchemaAt | undefined;
  /** Other subschema keywords by name (`contains`, `not`, …; `patternProperties/<pattern>`, `dependentSchemas/<name>`). */
  readonly subschemas: ReadonlyMap<string, SchemaAt>;
  readonly dependentRequired: ReadonlyMap<string, ReadonlySet<string>>;
  /** Every `pattern` that applies (one per merged definition). */
  readonly patterns: readonly string[];
  /** `anyOf` or `oneOf` members other than null; `oneOf` wins when a schema has both. */
  readonly variants: readonly SchemaAt[] | undefined;
  readonly unionKind: UnionKind | undefined;
  /** Enum values other than null. */
  readonly enumValues: readonly unknown[] | undefined;
  readonly extensibleEnum: readonly unknown[] | undefined;
  readonly hasConst: boolean;
  readonly constValue: unknown;
  /** Keywords outside JSON Schema and OpenAPI (extensions aside), with where they are written. */
  readonly unknown: readonly { readonly keyword: string; readonly pointer: string; readonly value: unknown }[];
}

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

const at = (pointer: string, ...tokens: (string | number)[]) => pointer + tokens.map((token) => `/${escapeToken(String(token))}`).join("");

/**
 * The definitions that apply to one value: the schema, its `$ref` siblings,
 * its `allOf` members and `also`, depth first (an explicit stack: a deep
 * `allOf` chain costs no call stack).
 */
function collectParts(context: SchemaContext, start: SchemaAt): Located<JsonObject>[] {
  const parts: Located<JsonObject>[] = [];
  const seen = new Set<string>();
  const stack: SchemaAt[] = [start];
  while (stack.length > 0) {
    const located = stack.pop()!;
    const next: SchemaAt[] = [];
    const siblings = isObject(located.value) && typeof located.value.$ref === "string" ? withoutRef(located.value) : undefined;
    const resolved = resolve(context, located);
    if (!seen.has(resolved.pointer)) {
      seen.add(resolved.pointer);
      if (siblings) parts.push({ value: siblings, pointer: located.pointer });
      if (isObject(resolved.value)) {
        parts.push({ value: normalizeExclusiveBounds(resolved.value), pointer: resolved.pointer });
        const { allOf } = resolved.value;
        if (Array.isArray(allOf)) allOf.forEach((member, index) => next.push({ value: member, pointer: at(resolved.pointer, "allOf", index) }));
      } else if (resolved.value === false) parts.push({ value: { not: {} }, pointer: resolved.pointer });
    }
    next.push(...(located.also ?? []));
    stack.push(...next.reverse());
  }
  return parts;
}

function withoutRef(schema: JsonObject): JsonObject | undefined {
  const { $ref: _ref, ...rest } = schema;
  return Object.keys(rest).length > 0 ? rest : undefined;
}

/** OpenAPI 3.0's `exclusiveMaximum: true` next to `maximum` is 3.1's `exclusiveMaximum: <maximum>`. */
function normalizeExclusiveBounds(schema: JsonObject): JsonObject {
  let result = schema;
  for (const [exclusive, bound] of [["exclusiveMaximum", "maximum"], ["exclusiveMinimum", "minimum"]] as const) {
    if (typeof result[exclusive] !== "boolean") continue;
    const { [exclusive]: flag, [bound]: value, ...rest } = result;
    result = flag === true && typeof value === "number" ? { ...rest, [exclusive]: value } : { ...rest, ...(value === undefined ? {} : { [bound]: value }) };
  }
  return result;
}

function typeList(value: unknown): string[] | undefined {
  if (typeof value === "string") return [value];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : undefined;
}

/** Types allowed by two declarations at once (`integer` is inside `number`). */
function intersectTypes(left: string[], right: string[]): string[] {
  const result = new Set<string>();
  for (const type of left) {
    if (right.includes(type)) result.add(type);
    else if (type === "integer" && right.includes("number")) result.add("integer");
    else if (type === "number" && right.includes("integer")) result.add("integer");
  }
  return [...result];
}

function addTo(map: Map<string, SchemaAt>, name: string, located: Located): void {
  const existing = map.get(name);
  map.set(name, existing ? { ...existing, also: [...(existing.also ?? []), located] } : located);
}

class Merger {
  readonly keywords: JsonObject = {};
  readonly properties = new Map<string, SchemaAt>();
  readonly required = new Set<string>();
  readonly subschemas = new Map<string, SchemaAt>();
  readonly dependentRequired = new Map<string, Set<string>>();
  readonly patterns: string[] = [];
  readonly unknown: { keyword: string; pointer: string; value: unknown }[] = [];
  readonly unions: Partial<Record<"anyOf" | "oneOf", SchemaAt[]>> = {};
  prefixItems: SchemaAt[] | undefined;
  items: SchemaAt | undefined;
  additionalProperties: SchemaAt | undefined;
  declaredTypes: string[] | undefined;

  add({ value, pointer }: Located<JsonObject>): void {
    for (const [keyword, keywordValue] of Object.entries(value)) {
      if (!KNOWN_KEYWORDS.has(keyword) && !isExtension(keyword)) this.unknown.push({ keyword, pointer: at(pointer, keyword), value: keywordValue });
      this.keyword(keyword, keywordValue, pointer);
    }
  }

  private keyword(keyword: string, value: unknown, pointer: string): void {
    const where = at(pointer, keyword);
    if ((UPPER_BOUNDS as readonly string[]).includes(keyword) || (LOWER_BOUNDS as readonly string[]).includes(keyword)) {
      const upper = (UPPER_BOUNDS as readonly string[]).includes(keyword);
      const old = this.keywords[keyword];
      if (typeof value === "number" && (typeof old !== "number" || (upper ? value < old : value > old))) this.keywords[keyword] = value;
      return;
    }
    switch (keyword) {
      case "allOf":
        return;
      case "type": {
        const list = typeList(value);
        if (list) this.declaredTypes = this.declaredTypes ? intersectTypes(this.declaredTypes, list) : list;
        break;
      }
      case "enum":
        if (Array.isArray(value) && Array.isArray(this.keywords.enum)) {
          this.keywords.enum = (this.keywords.enum as unknown[]).filter((item) => value.some((other) => sameJson(item, other)));
          return;
        }
        break;
      case "pattern":
        if (typeof value === "string" && !this.patterns.includes(value)) this.patterns.push(value);
        break;
      case "required":
        if (Array.isArray(value)) for (const name of value) if (typeof name === "string") this.required.add(name);
        break;
      case "properties":
        if (isObject(value)) for (const [name, schema] of Object.entries(value)) addTo(this.properties, name, { value: schema, pointer: at(where, name) });
        break;
      case "items":
        this.items = this.items ? { ...this.items, also: [...(this.items.also ?? []), { value, pointer: where }] } : { value, pointer: where };
        break;
      case "prefixItems":
        if (Array.isArray(value)) {
          const list = this.prefixItems ?? [];
          value.forEach((schema, index) => {
            const located = { value: schema, pointer: at(where, index) };
            list[index] = list[index] ? { ...list[index]!, also: [...(list[index]!.also ?? []), located] } : located;
          });
          this.prefixItems = list;
        }
        break;
      case "additionalProperties":
        this.additionalProperties = this.additionalProperties
          ? { ...this.additionalProperties, also: [...(this.additionalProperties.also ?? []), { value, pointer: where }] }
          : { value, pointer: where };
        break;
      case "dependentRequired":
        if (isObject(value)) {
          for (const [name, list] of Object.entries(value)) {
            const names = this.dependentRequired.get(name) ?? new Set<string>();
            if (Array.isArray(list)) for (const item of list) if (typeof item === "string") names.add(item);
            this.dependentRequired.set(name, names);
          }
        }
        break;
      case "anyOf":
      case "oneOf":
        if (Array.isArray(value) && !this.unions[keyword]) this.unions[keyword] = value.map((schema, index) => ({ value: schema, pointer: at(where, index) }));
        break;
    }
    if ((SUBSCHEMA_KEYWORDS as readonly string[]).includes(keyword)) addTo(this.subschemas, keyword, { value, pointer: where });
    if ((SCHEMA_MAP_KEYWORDS as readonly string[]).includes(keyword) && isObject(value)) {
      for (const [name, schema] of Object.entries(value)) addTo(this.subschemas, `${keyword}/${name}`, { value: schema, pointer: at(where, name) });
    }
    if (!(keyword in this.keywords)) this.keywords[keyword] = value;
  }
}

function isNullSchema(context: SchemaContext, located: Located): boolean {
  const { value } = resolve(context, located);
  if (!isObject(value)) return false;
  const types = typeList(value.type);
  return (types !== undefined && types.length > 0 && types.every((type) => type === "null")) || ("const" in value && value.const === null);
}

/** Views already built, per document, by the schema object they were built from and its pointer. */
type ViewCache = WeakMap<object, WeakMap<object, Map<string, SchemaView>>>;
const views: ViewCache = new WeakMap();
const readings: ViewCache = new WeakMap();

function cached(cache: ViewCache, context: SchemaContext, located: SchemaAt, build: () => SchemaView): SchemaView {
  const { document } = context;
  if (located.also !== undefined || !isObject(located.value) || !isObject(document)) return build();
  let byValue = cache.get(document);
  if (!byValue) cache.set(document, (byValue = new WeakMap()));
  let byPointer = byValue.get(located.value);
  if (!byPointer) byValue.set(located.value, (byPointer = new Map()));
  let view = byPointer.get(located.pointer);
  if (!view) byPointer.set(located.pointer, (view = build()));
  return view;
}

/**
 * The view of the schema at `located`. A union of one (`anyOf: [X]`,
 * `oneOf: [X, null]`) reads as its member, made nullable; chains of them are
 * followed in a loop that stops at the first schema seen twice, so cyclic
 * chains end. Views are cached per document and schema object.
 */
export function viewSchema(context: SchemaContext, located: SchemaAt): SchemaView {
  return cached(views, context, located, () => unwrapUnionsOfOne(context, located));
}

function unwrapUnionsOfOne(context: SchemaContext, start: SchemaAt): SchemaView {
  const seen = new Set<string>();
  let view = readSchema(context, start);
  let nullable = false;
  let description: unknown;
  const unknown: SchemaView["unknown"][number][] = [];
  while (view.variants?.length === 1 && view.properties.size === 0 && view.types === undefined && !seen.has(view.key)) {
    seen.add(view.key);
    nullable ||= view.nullable;
    description ??= view.keywords.description;
    unknown.push(...view.unknown);
    view = readSchema(context, view.variants[0]!);
  }
  if (seen.size === 0) return view;
  description ??= view.keywords.description;
  return {
    ...view,
    nullable: nullable || view.nullable,
    keywords: { ...view.keywords, ...(description === undefined ? {} : { description }) },
    unknown: [...unknown, ...view.unknown],
  };
}

function readSchema(context: SchemaContext, located: SchemaAt): SchemaView {
  return cached(readings, context, located, () => readParts(context, located));
}

function readParts(context: SchemaContext, located: SchemaAt): SchemaView {
  const parts = collectParts(context, located);
  const merged = new Merger();
  for (const part of parts) merged.add(part);
  const { keywords, properties, required } = merged;
  const declared = merged.declaredTypes;
  let nullable = (declared?.includes("null") ?? false) || keywords.nullable === true;
  const unionKind: UnionKind | undefined = merged.unions.oneOf ? "oneOf" : merged.unions.anyOf ? "anyOf" : undefined;
  let variants: SchemaAt[] | undefined = unionKind ? merged.unions[unionKind] : undefined;
  const pointer = parts[0]?.pointer ?? located.pointer;
  const key = parts.map((part) => part.pointer).join("&") || located.pointer;
  const types = declared === undefined ? undefined : [...new Set(declared.filter((type) => type !== "null"))].sort();
  if (variants) {
    const nonNull = variants.filter((variant) => !isNullSchema(context, variant));
    if (nonNull.length < variants.length) nullable = true;
    variants = nonNull;
  }
  let enumValues: unknown[] | undefined;
  if (Array.isArray(keywords.enum)) {
    if (keywords.enum.includes(null)) nullable = true;
    enumValues = keywords.enum.filter((value) => value !== null);
  }
  const not = merged.subschemas.get("not");
  const rejectsAll = not !== undefined && not.also === undefined && isObject(not.value) && Object.keys(not.value).length === 0;
  const inferred = types ?? (properties.size > 0 ? ["object"] : merged.items || merged.prefixItems ? ["array"] : undefined);
  return {
    pointer,
    key,
    keywords,
    types: inferred && inferred.length > 0 ? inferred : types,
    nullable,
    rejectsAll,
    properties,
    required,
    items: merged.items,
    prefixItems: merged.prefixItems,
    additionalProperties: merged.additionalProperties,
    subschemas: merged.subschemas,
    dependentRequired: merged.dependentRequired,
    patterns: [...merged.patterns].sort(),
    variants,
    unionKind: variants ? unionKind : undefined,
    enumValues,
    extensibleEnum: Array.isArray(keywords["x-extensible-enum"]) ? (keywords["x-extensible-enum"] as unknown[]) : undefined,
    hasConst: "const" in keywords,
    constValue: keywords.const,
    unknown: merged.unknown,
  };
}
