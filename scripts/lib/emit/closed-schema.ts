/**
 * A CLOSED copy of an OpenAPI document's schemas, for the runtime drift
 * validators (validators.ts). The spec's object schemas are open (extra
 * properties are allowed), so validating a response against them as written
 * can never find a field the snapshot does not know. Here every object schema
 * that declares properties gets `unevaluatedProperties: false` where it is
 * used as a VALUE (the response root, a property, an array item…), and stays
 * open where it is a MEMBER of allOf/anyOf/oneOf/not/if/then/else or the
 * target of a `$ref`: `unevaluatedProperties` sees the properties every
 * passing member evaluated, so closing the composing schema lets
 * `allOf: [A, B]` accept A's and B's properties, whereas closing A itself
 * would reject B's.
 *
 * What else changes, to check the SHAPE of a response and nothing more:
 * - `oneOf` becomes `anyOf` (a response fitting two variants is not drift);
 * - a union whose members are all objects with a constant on one shared
 *   property (a discriminant, `status: "completed" | "blocked"`) becomes
 *   `properties: { status: { enum: [...] } }` plus one `if status = v then
 *   member` per member: only the member the response names is checked, so a
 *   new variant is one unknown enum value and a drifting variant reports its
 *   own problems, not every other variant's. A union that is nothing else
 *   (no own properties) closes each `then` instead of itself, wherever it is
 *   used: a failing `then` yields no annotations, so closing the union would
 *   also report every property of a variant that has one wrong value;
 * - value constraints (lengths, ranges, patterns, item counts) and
 *   annotations are dropped: a drift alert is about unknown properties,
 *   unknown enum values, missing required properties and wrong types;
 * - OpenAPI 3.0's `nullable: true` becomes a `"null"` type.
 * Objects without declared properties (free-form `metadata`) and maps
 * (`additionalProperties`/`patternProperties` set) keep their own rules.
 *
 * Local `$ref`s of any kind become references into one shared `$defs`
 * schema (`DEFS_ID`), keyed by the referenced pointer.
 */
import { escapeToken, resolvePointer } from "../spec/pointer";

export type Schema = Record<string, unknown>;

export const DEFS_ID = "urn:artu:drift:defs";

/**
 * The ref of `$defs[key]` in the shared schema: a JSON pointer token inside a
 * URI fragment, so characters a fragment cannot hold (`{`, `%`, space…) are
 * percent-encoded; Ajv decodes them back before it looks the key up.
 */
export function defsRef(key: string): string {
  return `${DEFS_ID}#/$defs/${escapeToken(key).replace(/[^A-Za-z0-9\-._~!$&'()*+,;=:@/?]/gu, (char) => encodeURIComponent(char))}`;
}

/** The document pointer of a local `$ref` ("#/components/schemas/%7Bsymbol%7D" → "/components/schemas/{symbol}"), as refs.ts reads it. */
export function localRefPointer(ref: string): string {
  try {
    return decodeURIComponent(ref.slice(1));
  } catch {
    return ref.slice(1);
  }
}

/** Keywords whose value is one schema used as a value of the instance's children. */
const VALUE_SCHEMA = ["items", "additionalProperties", "unevaluatedProperties", "contains", "unevaluatedItems", "propertyNames"];
/** Keywords whose value maps names to schemas used as values. */
const VALUE_SCHEMA_MAPS = ["properties", "patternProperties"];
/** In-place applicators: their schemas apply to the instance itself. */
const MEMBER_SCHEMA = ["not", "if", "then", "else"];
const MEMBER_SCHEMA_LISTS = ["allOf", "anyOf", "oneOf"];
/** Kept as they are (besides the keywords above). */
const KEPT = new Set(["type", "enum", "const", "required", "format", "dependentRequired"]);

/** The transformed schemas: one `$defs` schema and a root schema per requested pointer. */
export interface ClosedSchemas {
  readonly defs: Schema;
  /** The closed schema at each requested pointer, in the order asked. */
  readonly roots: readonly Schema[];
}

/**
 * Closes the schemas at `pointers` (response schemas) and everything they
 * reference. Pure: `document` is not modified.
 */
export function closeSchemas(document: object, pointers: readonly string[], openApiVersion: string): ClosedSchemas {
  const nullableKeyword = openApiVersion.startsWith("3.0");
  const defs = new Map<string, Schema>();
  const known = new Set<string>();
  const pending: string[] = [];

  const refTo = (ref: string): string => {
    const target = localRefPointer(ref);
    if (!known.has(target)) {
      known.add(target);
      pending.push(target);
    }
    return defsRef(target);
  };

  const declaresProperties = (schema: unknown, seen: Set<unknown>): boolean => {
    if (!isSchema(schema) || seen.has(schema)) return false;
    seen.add(schema);
    if (isSchema(schema.properties)) return true;
    if (typeof schema.$ref === "string" && schema.$ref.startsWith("#")) return declaresProperties(resolvePointer(document, localRefPointer(schema.$ref)), seen);
    return MEMBER_SCHEMA_LISTS.some((key) => Array.isArray(schema[key]) && (schema[key] as unknown[]).some((member) => declaresProperties(member, seen)));
  };

  /** A pure discriminated union (through `$ref`s): it closes its variants itself. */
  const selfClosing = (schema: unknown, depth = 0): boolean => {
    if (!isSchema(schema) || depth > 16) return false;
    if (typeof schema.$ref === "string" && schema.$ref.startsWith("#")) return selfClosing(resolvePointer(document, localRefPointer(schema.$ref)), depth + 1);
    return pureUnionMembers(schema) !== undefined && discriminatedUnion(pureUnionMembers(schema)!) !== undefined;
  };

  /** Closable: declares properties (itself, through a $ref or a member) and does not decide about extra properties itself. */
  const closable = (schema: Schema): boolean =>
    !selfClosing(schema) &&
    schema.additionalProperties === undefined &&
    schema.patternProperties === undefined &&
    schema.unevaluatedProperties === undefined &&
    allowsObject(schema) &&
    declaresProperties(schema, new Set());

  const transform = (schema: unknown, position: "value" | "member"): unknown => {
    if (typeof schema === "boolean") return schema;
    if (!isSchema(schema)) return {};
    const out: Schema = {};
    for (const key of Object.keys(schema).sort()) {
      const value = schema[key];
      if (key === "$ref" && typeof value === "string") {
        if (value.startsWith("#")) out.$ref = refTo(value);
        // A remote $ref cannot be followed offline: that part of the response is not checked.
      } else if (KEPT.has(key)) out[key] = value;
      else if (VALUE_SCHEMA.includes(key)) out[key] = transform(value, "value");
      else if (key === "prefixItems" && Array.isArray(value)) out[key] = value.map((item) => transform(item, "value"));
      else if (VALUE_SCHEMA_MAPS.includes(key) && isSchema(value)) out[key] = mapValues(value, (child) => transform(child, "value"));
      else if (MEMBER_SCHEMA.includes(key)) out[key] = transform(value, "member");
      else if (key === "dependentSchemas" && isSchema(value)) out[key] = mapValues(value, (child) => transform(child, "member"));
      else if (key === "allOf" && Array.isArray(value)) appendAllOf(out, value.map((member) => transform(member, "member")));
      else if ((key === "anyOf" || key === "oneOf") && Array.isArray(value)) {
        const discriminated = discriminatedUnion(value);
        const closeVariants = pureUnionMembers(schema) !== undefined;
        const variant = (member: unknown): unknown => {
          const checked = transform(member, "member");
          return closeVariants && isSchema(member) && isSchema(checked) && closable(member) ? { ...checked, unevaluatedProperties: false } : checked;
        };
        if (discriminated) appendAllOf(out, discriminatedChecks(discriminated, variant));
        else if (out.anyOf === undefined) out.anyOf = value.map((member) => transform(member, "member"));
        // Both anyOf and oneOf on one schema: both must hold.
        else appendAllOf(out, [{ anyOf: value.map((member) => transform(member, "member")) }]);
      }
    }
    if (nullableKeyword && schema.nullable === true) allowNull(out);
    if (position === "value" && closable(schema)) out.unevaluatedProperties = false;
    return out;
  };

  /** The discriminant of a union of objects: a property every member pins to distinct constants. */
  const discriminatedUnion = (members: readonly unknown[]): DiscriminatedUnion | undefined => {
    const views = members.map((member) => objectView(member));
    if (views.length < 2 || views.some((view) => view === undefined)) return undefined;
    const [first] = views as ObjectView[];
    for (const name of Object.keys(first!.properties).sort()) {
      const values = (views as ObjectView[]).map((view) => constantsOf(view.properties[name]));
      const flat = values.flat();
      if (values.every((list) => list !== undefined && list.length > 0) && new Set(flat.map((v) => JSON.stringify(v))).size === flat.length) {
        return {
          property: name,
          members: members.map((member, index) => ({ schema: member, values: values[index]! })),
          required: (views as ObjectView[]).every((view) => view.required.includes(name)),
          object: (views as ObjectView[]).every((view) => view.type === "object"),
        };
      }
    }
    return undefined;
  };

  /** A member's own properties, required list and type, through `$ref`s. */
  const objectView = (schema: unknown, depth = 0): ObjectView | undefined => {
    if (!isSchema(schema) || depth > 16) return undefined;
    if (typeof schema.$ref === "string" && schema.$ref.startsWith("#")) return objectView(resolvePointer(document, localRefPointer(schema.$ref)), depth + 1);
    if (!isSchema(schema.properties)) return undefined;
    return {
      properties: schema.properties,
      required: Array.isArray(schema.required) ? (schema.required as string[]) : [],
      type: schema.type,
    };
  };

  const constantsOf = (schema: unknown): unknown[] | undefined => {
    if (!isSchema(schema)) return undefined;
    if ("const" in schema) return [schema.const];
    return Array.isArray(schema.enum) ? schema.enum : undefined;
  };

  const roots = pointers.map((pointer) => transform(resolvePointer(document, pointer), "value") as Schema);
  for (let target = pending.shift(); target !== undefined; target = pending.shift()) {
    defs.set(target, transform(resolvePointer(document, target), "member") as Schema);
  }
  const sorted = [...defs.keys()].sort();
  return { defs: { $id: DEFS_ID, $defs: Object.fromEntries(sorted.map((key) => [key, defs.get(key)!])) }, roots };
}

interface ObjectView {
  readonly properties: Schema;
  readonly required: readonly string[];
  readonly type: unknown;
}

interface DiscriminatedUnion {
  readonly property: string;
  readonly members: readonly { readonly schema: unknown; readonly values: readonly unknown[] }[];
  /** Every member requires the discriminant. */
  readonly required: boolean;
  /** Every member is `type: object`. */
  readonly object: boolean;
}

/** `{ properties: { d: { enum } }, allOf: [{ if: d ∈ values, then: member }, …] }`, as allOf members of the union's schema. */
function discriminatedChecks(union: DiscriminatedUnion, transformMember: (member: unknown) => unknown): Schema[] {
  const { property } = union;
  const all = union.members.flatMap((member) => member.values);
  const own: Schema = { properties: { [property]: { enum: all } } };
  if (union.required) own.required = [property];
  if (union.object) own.type = "object";
  return [
    own,
    ...union.members.map((member) => ({
      if: { properties: { [property]: { enum: member.values } }, required: [property] },
      then: transformMember(member.schema),
    })),
  ];
}

/** Keywords that do not change what a union accepts. */
const ANNOTATIONS = new Set(["description", "title", "example", "examples", "externalDocs", "discriminator", "deprecated", "readOnly", "writeOnly", "$comment", "default", "xml", "nullable"]);

/** The members of a schema that is only a union (anyOf or oneOf and annotations), else undefined. */
function pureUnionMembers(schema: Schema): readonly unknown[] | undefined {
  const keys = Object.keys(schema).filter((key) => !ANNOTATIONS.has(key) && !key.startsWith("x-") && key !== "type");
  if (keys.length !== 1 || (keys[0] !== "anyOf" && keys[0] !== "oneOf") || (schema.type !== undefined && schema.type !== "object")) return undefined;
  const members = schema[keys[0]];
  return Array.isArray(members) ? members : undefined;
}

function appendAllOf(schema: Schema, members: readonly unknown[]): void {
  schema.allOf = [...((schema.allOf as unknown[] | undefined) ?? []), ...members];
}

function isSchema(value: unknown): value is Schema {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function mapValues(record: Schema, fn: (value: unknown) => unknown): Schema {
  return Object.fromEntries(Object.keys(record).sort().map((key) => [key, fn(record[key])]));
}

function allowsObject(schema: Schema): boolean {
  const type = schema.type;
  return type === undefined || type === "object" || (Array.isArray(type) && type.includes("object"));
}

/** OpenAPI 3.0 `nullable: true`: null is allowed besides the declared type (or enum). */
function allowNull(schema: Schema): void {
  if (typeof schema.type === "string") schema.type = [schema.type, "null"];
  else if (Array.isArray(schema.type) && !schema.type.includes("null")) schema.type = [...schema.type, "null"];
  if (Array.isArray(schema.enum) && !schema.enum.includes(null)) schema.enum = [...schema.enum, null];
}
