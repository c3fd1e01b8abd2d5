/**
 * Shares the repeated parts of the closed schemas (closed-schema.ts) before
 * Ajv compiles them, so that each is compiled ONCE, as one function every use
 * calls, instead of once per place it appears.
 *
 * Why: with `inlineRefs: false` Ajv compiles every `$defs` entry once, but a
 * subschema written inline is compiled again at each place it is written. The
 * closing step writes the same composite subschemas in many places: the
 * closed use of a definition (`{ $ref: X, unevaluatedProperties: false }`),
 * Graph's nullable reference (`{ anyOf: [{ $ref: X }, { type: ["object",
 * "null"] }], unevaluatedProperties: false }`, ~1,100 times), identical
 * operation responses (Graph: 7,444 operations, ~760 distinct response
 * schemas). Each inline copy costs Ajv a full compilation with its
 * evaluated-properties bookkeeping (the key check of `unevaluatedProperties`
 * lists every property the definition evaluates, and an `anyOf` makes it
 * track them at run time), and adds the same code again to validators.js.
 *
 * The rewrite is exact: in JSON Schema 2020-12 `$ref` is an in-place
 * applicator, so `{ $ref: S }` with `S` in `$defs` gives the same result and
 * the same annotations (the properties it evaluated, which the enclosing
 * `unevaluatedProperties` reads) as `S` written in place; Ajv reports the
 * called function's errors where the inline code would have reported them,
 * with the same instancePath, keyword and params (only `schemaPath`, which
 * the runtime does not read, differs). test/drift-runtime/shared-schemas.test.ts
 * compares both forms with Ajv over generated responses.
 *
 * Only COMPOSITE subschemas (holding `unevaluatedProperties`, `allOf`,
 * `anyOf`, `oneOf` or `if` somewhere) that occur at least twice are shared:
 * those are the costly ones; a repeated leaf (`{ type: "string" }`) or a
 * plain array of references is as much code called as written in place.
 *
 * Not done, on purpose: flattening an `allOf` chain of object schemas into one
 * object. Ajv already resolves the properties such a chain evaluates at
 * compile time (a static list of names, no run-time tracking), so flattening
 * would only copy each ancestor's property checks into every descendant:
 * more code, not less.
 */
import { defsRef, type Schema } from "./closed-schema";

/** Keywords whose value is one schema. */
const SCHEMA_KEYWORDS = new Set(["items", "additionalProperties", "unevaluatedProperties", "contains", "unevaluatedItems", "propertyNames", "not", "if", "then", "else"]);
/** Keywords whose value is a list of schemas. */
const LIST_KEYWORDS = new Set(["allOf", "anyOf", "oneOf", "prefixItems"]);
/** Keywords whose value maps names to schemas. */
const MAP_KEYWORDS = new Set(["properties", "patternProperties", "dependentSchemas"]);
/** Keywords that make a subschema worth sharing (see the header). */
const COMPOSITE_KEYWORDS = new Set(["unevaluatedProperties", "allOf", "anyOf", "oneOf", "if"]);

export const SHARED_PREFIX = "shared:";

export interface SharedSchemas {
  /** The definitions with their repeated parts replaced by `$ref`s, plus one `shared:<n>` definition per shared part. */
  readonly defs: Readonly<Record<string, unknown>>;
  /** The roots likewise (a root that is itself shared becomes `{ $ref }` to it). */
  readonly roots: readonly unknown[];
  /**
   * For each `shared:<n>` definition, the definitions it was taken out of
   * (document pointers or other `shared:<n>` keys; none when it was only in
   * roots): where a fault in it is reported (validators-worker.mjs).
   */
  readonly origins: Readonly<Record<string, readonly string[]>>;
}

/**
 * Shares the composite subschemas that occur at least twice in `defs` (keyed
 * by document pointer, as closeSchemas makes them) and `roots`. Pure and
 * deterministic: the `shared:<n>` keys are numbered in the order of first
 * occurrence (definitions in key order, then the roots in order).
 */
export function shareSubschemas(defs: Readonly<Record<string, unknown>>, roots: readonly unknown[]): SharedSchemas {
  // 1. Give every distinct subschema an id (hash-consing, bottom-up: a node's
  //    key is its own keywords with each child replaced by the child's id).
  const ids = new Map<string, number>();
  const composite: boolean[] = [];
  const idOf = new Map<object, number>();
  const intern = (node: unknown): number => {
    if (node === null || typeof node !== "object") {
      const key = JSON.stringify(node);
      let id = ids.get(key);
      if (id === undefined) ids.set(key, (id = composite.push(false) - 1));
      return id;
    }
    const known = idOf.get(node);
    if (known !== undefined) return known;
    let isComposite = false;
    const parts: unknown[] = [];
    for (const [keyword, value] of Object.entries(node)) {
      if (COMPOSITE_KEYWORDS.has(keyword)) isComposite = true;
      const child = (schema: unknown): number => {
        const id = intern(schema);
        isComposite ||= composite[id]!;
        return id;
      };
      if (SCHEMA_KEYWORDS.has(keyword)) parts.push(keyword, child(value));
      else if (LIST_KEYWORDS.has(keyword) && Array.isArray(value)) parts.push(keyword, value.map(child));
      else if (MAP_KEYWORDS.has(keyword) && isObject(value)) parts.push(keyword, Object.entries(value).map(([name, schema]) => [name, child(schema)]));
      else parts.push(keyword, { value });
    }
    const key = JSON.stringify(parts);
    let id = ids.get(key);
    if (id === undefined) ids.set(key, (id = composite.push(isComposite) - 1));
    idOf.set(node, id);
    return id;
  };

  // 2. Count the occurrences as they will be after sharing: the children of a
  //    repeated subschema are counted once (its one shared copy holds them).
  const counts = new Map<number, number>();
  const count = (node: unknown): void => {
    const id = intern(node);
    const seen = counts.get(id) ?? 0;
    counts.set(id, seen + 1);
    if (seen === 0) forEachChild(node, count);
  };
  const keys = Object.keys(defs).sort();
  for (const key of keys) forEachChild(defs[key], count);
  roots.forEach(count);

  // 3. Rewrite, replacing each shared subschema by a `$ref` to its one copy.
  const sharedKey = new Map<number, string>();
  const outDefs: Record<string, unknown> = {};
  const origins: Record<string, string[]> = {};
  const shouldShare = (node: unknown, id: number): boolean =>
    isObject(node) && composite[id]! && (counts.get(id) ?? 0) >= 2 && !(Object.keys(node).length === 1 && "$ref" in node);

  /** `container`: the definition being written, undefined in a root. */
  const rewrite = (node: unknown, container: string | undefined, top: boolean): unknown => {
    if (!isObject(node)) return node;
    const id = intern(node);
    if (!top && shouldShare(node, id)) {
      let key = sharedKey.get(id);
      if (key === undefined) {
        key = `${SHARED_PREFIX}${sharedKey.size}`;
        sharedKey.set(id, key);
        origins[key] = [];
        outDefs[key] = rewrite(node, key, true);
      }
      if (container !== undefined && !origins[key]!.includes(container)) origins[key]!.push(container);
      return { $ref: defsRef(key) };
    }
    const out: Schema = {};
    for (const [keyword, value] of Object.entries(node)) {
      if (SCHEMA_KEYWORDS.has(keyword)) out[keyword] = rewrite(value, container, false);
      else if (LIST_KEYWORDS.has(keyword) && Array.isArray(value)) out[keyword] = value.map((member) => rewrite(member, container, false));
      else if (MAP_KEYWORDS.has(keyword) && isObject(value))
        out[keyword] = Object.fromEntries(Object.entries(value).map(([name, schema]) => [name, rewrite(schema, container, false)]));
      else out[keyword] = value;
    }
    return out;
  };

  for (const key of keys) outDefs[key] = rewrite(defs[key], key, true);
  const outRoots = roots.map((root) => rewrite(root, undefined, false));
  return { defs: outDefs, roots: outRoots, origins };
}

function forEachChild(node: unknown, visit: (child: unknown) => void): void {
  if (!isObject(node)) return;
  for (const [keyword, value] of Object.entries(node)) {
    if (SCHEMA_KEYWORDS.has(keyword)) visit(value);
    else if (LIST_KEYWORDS.has(keyword) && Array.isArray(value)) value.forEach(visit);
    else if (MAP_KEYWORDS.has(keyword) && isObject(value)) Object.values(value).forEach(visit);
  }
}

function isObject(value: unknown): value is Schema {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
