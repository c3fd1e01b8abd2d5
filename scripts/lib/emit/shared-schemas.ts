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
 * applicator, so `{ $ref: S }` with `S` in `$defs` gives the same result as
 * `S` written in place; Ajv reports the called function's errors where the
 * inline code would have reported them, with the same instancePath, keyword
 * and params (only `schemaPath`, which the runtime does not read, differs).
 * test/drift-runtime/shared-schemas.test.ts compares both forms with Ajv
 * over generated responses.
 *
 * Only COMPOSITE subschemas (holding `unevaluatedProperties`, `allOf`,
 * `anyOf`, `oneOf` or `if` somewhere) that occur at least twice in a VALUE
 * position (a property's value, see VALUE_KEYWORDS) are
 * shared: those are the costly ones; a repeated leaf (`{ type: "string" }`)
 * or a plain array of references is as much code called as written in place.
 *
 * Nor is a subschema with a `$ref` into a reference cycle (a recursive
 * definition) shared. Ajv decides at compile time how a `$ref` passes on the
 * properties its target evaluated: statically (the target is compiled: its
 * properties count even when it fails) or at run time (the target is still
 * being compiled, i.e. recursion: they count only when it passes, so a
 * failing recursive value has every property reported as unknown). Which one
 * a use gets depends on the order Ajv meets the definitions in; compiled
 * once and called from elsewhere, a shared copy would carry the choice made
 * at its first use to all the others, and a drifting recursive response
 * would be reported differently than before.
 *
 * Not done, on purpose: flattening an `allOf` chain of object schemas into one
 * object. Ajv already resolves the properties such a chain evaluates at
 * compile time (a static list of names, no run-time tracking), so flattening
 * would only copy each ancestor's property checks into every descendant:
 * more code, not less.
 */
import { defsRef, type Schema } from "./closed-schema";

/**
 * Where a subschema may be shared from: a property's value (or a tuple
 * item), and only outside any loop of the function it is compiled into. Its
 * verdict and errors reach the enclosing schema the same whether it is
 * inline or called, and the properties it evaluated do not (they are another
 * instance's). Not shared:
 * - a member of an in-place applicator (allOf, anyOf, if/then…): there Ajv
 *   merges the members' evaluated properties into the enclosing schema's,
 *   with rules that differ between inline code and a call;
 * - anything under `items`, `additionalProperties`… (checked in a loop over
 *   the items or properties): inline, Ajv keeps the properties a `$ref`
 *   evaluated in a function-wide variable that is only set when the call
 *   passes, so an item whose reference fails is checked against the
 *   properties the previous item evaluated; a called copy would start fresh
 *   for each item, and report differently than before. (The whole array
 *   schema, loop included, is still shared from a property.)
 */
const VALUE_KEYWORDS = new Set(["properties", "prefixItems"]);
const LOOP_KEYWORDS = new Set(["items", "additionalProperties", "unevaluatedProperties", "contains", "unevaluatedItems", "propertyNames", "patternProperties"]);
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
  const recursive = recursiveDefinitions(defs);
  // 1. Give every distinct subschema an id (hash-consing, bottom-up: a node's
  //    key is its own keywords with each child replaced by the child's id).
  const ids = new Map<string, number>();
  /** Per id: worth sharing (composite, and no `$ref` in it into a reference cycle). */
  const shareable: boolean[] = [];
  const composite = new Set<number>();
  const cyclic = new Set<number>();
  const idOf = new Map<object, number>();
  const intern = (node: unknown): number => {
    if (node === null || typeof node !== "object") {
      const key = JSON.stringify(node);
      let id = ids.get(key);
      if (id === undefined) ids.set(key, (id = shareable.push(false) - 1));
      return id;
    }
    const known = idOf.get(node);
    if (known !== undefined) return known;
    let isComposite = false;
    let intoCycle = false;
    const parts: unknown[] = [];
    for (const [keyword, value] of Object.entries(node)) {
      if (COMPOSITE_KEYWORDS.has(keyword)) isComposite = true;
      if (keyword === "$ref" && typeof value === "string" && recursive.has(value)) intoCycle = true;
      const child = (schema: unknown): number => {
        const id = intern(schema);
        isComposite ||= composite.has(id);
        intoCycle ||= cyclic.has(id);
        return id;
      };
      if (SCHEMA_KEYWORDS.has(keyword)) parts.push(keyword, child(value));
      else if (LIST_KEYWORDS.has(keyword) && Array.isArray(value)) parts.push(keyword, value.map(child));
      else if (MAP_KEYWORDS.has(keyword) && isObject(value)) parts.push(keyword, Object.entries(value).map(([name, schema]) => [name, child(schema)]));
      else parts.push(keyword, { value });
    }
    const key = JSON.stringify(parts);
    let id = ids.get(key);
    if (id === undefined) {
      ids.set(key, (id = shareable.push(isComposite && !intoCycle) - 1));
      if (isComposite) composite.add(id);
      if (intoCycle) cyclic.add(id);
    }
    idOf.set(node, id);
    return id;
  };

  // 2. Count the occurrences where sharing may happen (and the roots). A
  //    subschema inside a repeated one counts once per copy, even when that
  //    one is shared: at worst a part used once gets its own function.
  const counts = new Map<number, number>();
  const count = (node: unknown, shareHere: boolean, inLoop: boolean): void => {
    if (shareHere) {
      const id = intern(node);
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    forEachChild(node, (child, keyword) => count(child, !inLoop && VALUE_KEYWORDS.has(keyword), inLoop || LOOP_KEYWORDS.has(keyword)));
  };
  const keys = Object.keys(defs).sort();
  for (const key of keys) count(defs[key], false, false);
  for (const root of roots) count(root, true, false);

  // 3. Rewrite, replacing each shared subschema by a `$ref` to its one copy.
  const sharedKey = new Map<number, string>();
  const outDefs: Record<string, unknown> = {};
  const origins: Record<string, string[]> = {};
  const shouldShare = (node: unknown, id: number): boolean =>
    isObject(node) && shareable[id]! && (counts.get(id) ?? 0) >= 2 && !(Object.keys(node).length === 1 && "$ref" in node);

  /** `container`: the definition being written, undefined in a root; `shareHere`: the node may be replaced by a `$ref` to its shared copy. */
  const rewrite = (node: unknown, container: string | undefined, shareHere: boolean, inLoop: boolean): unknown => {
    if (!isObject(node)) return node;
    const id = intern(node);
    if (shareHere && shouldShare(node, id)) {
      let key = sharedKey.get(id);
      if (key === undefined) {
        key = `${SHARED_PREFIX}${sharedKey.size}`;
        sharedKey.set(id, key);
        origins[key] = [];
        outDefs[key] = rewrite(node, key, false, false);
      }
      if (container !== undefined && !origins[key]!.includes(container)) origins[key]!.push(container);
      return { $ref: defsRef(key) };
    }
    const out: Schema = {};
    for (const [keyword, value] of Object.entries(node)) {
      const child = (schema: unknown) => rewrite(schema, container, !inLoop && VALUE_KEYWORDS.has(keyword), inLoop || LOOP_KEYWORDS.has(keyword));
      if (SCHEMA_KEYWORDS.has(keyword)) out[keyword] = child(value);
      else if (LIST_KEYWORDS.has(keyword) && Array.isArray(value)) out[keyword] = value.map(child);
      else if (MAP_KEYWORDS.has(keyword) && isObject(value)) out[keyword] = Object.fromEntries(Object.entries(value).map(([name, schema]) => [name, child(schema)]));
      else out[keyword] = value;
    }
    return out;
  };

  for (const key of keys) outDefs[key] = rewrite(defs[key], key, false, false);
  const outRoots = roots.map((root) => rewrite(root, undefined, true, false));
  return { defs: outDefs, roots: outRoots, origins };
}

/**
 * The refs (as written, `defsRef(key)`) of the definitions that are part of a
 * reference cycle (a strongly connected component of the `$ref` graph with
 * more than one definition, or one referring to itself).
 */
function recursiveDefinitions(defs: Readonly<Record<string, unknown>>): Set<string> {
  const keyOfRef = new Map(Object.keys(defs).map((key) => [defsRef(key), key]));
  const edges = new Map<string, string[]>();
  for (const key of Object.keys(defs)) {
    const targets: string[] = [];
    const collect = (node: unknown): void => {
      if (!isObject(node)) return;
      const target = typeof node.$ref === "string" ? keyOfRef.get(node.$ref) : undefined;
      if (target !== undefined) targets.push(target);
      forEachChild(node, collect);
    };
    collect(defs[key]);
    edges.set(key, targets);
  }
  // Tarjan's algorithm, iterative (reference chains can be long).
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const recursive = new Set<string>();
  for (const start of edges.keys()) {
    if (index.has(start)) continue;
    const frames: { key: string; next: number }[] = [{ key: start, next: 0 }];
    index.set(start, index.size);
    low.set(start, index.get(start)!);
    stack.push(start);
    onStack.add(start);
    while (frames.length > 0) {
      const frame = frames[frames.length - 1]!;
      const targets = edges.get(frame.key)!;
      if (frame.next < targets.length) {
        const target = targets[frame.next++]!;
        if (!index.has(target)) {
          index.set(target, index.size);
          low.set(target, index.get(target)!);
          stack.push(target);
          onStack.add(target);
          frames.push({ key: target, next: 0 });
        } else if (onStack.has(target)) low.set(frame.key, Math.min(low.get(frame.key)!, index.get(target)!));
        continue;
      }
      frames.pop();
      const parent = frames[frames.length - 1];
      if (parent) low.set(parent.key, Math.min(low.get(parent.key)!, low.get(frame.key)!));
      if (low.get(frame.key) !== index.get(frame.key)) continue;
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== frame.key);
      if (component.length > 1 || edges.get(frame.key)!.includes(frame.key)) for (const key of component) recursive.add(defsRef(key));
    }
  }
  return recursive;
}

/** Calls `visit` with each child schema and the keyword it is under. */
function forEachChild(node: unknown, visit: (child: unknown, keyword: string) => void): void {
  if (!isObject(node)) return;
  for (const [keyword, value] of Object.entries(node)) {
    if (SCHEMA_KEYWORDS.has(keyword)) visit(value, keyword);
    else if (LIST_KEYWORDS.has(keyword) && Array.isArray(value)) for (const member of value) visit(member, keyword);
    else if (MAP_KEYWORDS.has(keyword) && isObject(value)) for (const member of Object.values(value)) visit(member, keyword);
  }
}

function isObject(value: unknown): value is Schema {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
