/**
 * Canonical JSON equality: two values are equal when their JSON encodings
 * with sorted object keys are equal. So key order never matters (ARTU stores
 * `metadata` as JSON, which does not keep it), a property holding `undefined`
 * is the same as a missing one (JSON drops it), and array order does matter
 * (`scopes`, `nationalities` are ordered lists on the wire).
 *
 * `canonicalEqual` walks both values instead of serialising them, so the
 * common case (two different strings) costs one comparison.
 */

type Json = unknown;

export function canonicalEqual(a: Json, b: Json): boolean {
  if (a === b) return true;
  if (
    a === null ||
    b === null ||
    typeof a !== "object" ||
    typeof b !== "object"
  ) {
    return jsonScalar(a) === jsonScalar(b) && jsonScalar(a) !== NOT_SCALAR;
  }
  const aIsArray = Array.isArray(a);
  if (aIsArray !== Array.isArray(b)) return false;
  if (aIsArray) return arraysEqual(a as unknown[], b as unknown[]);
  return objectsEqual(
    a as Record<string, unknown>,
    b as Record<string, unknown>,
  );
}

const NOT_SCALAR = Symbol("not a JSON scalar");

/** What JSON.stringify makes of a non-object: NaN/Infinity → null, everything else as is. */
function jsonScalar(value: unknown): unknown {
  if (typeof value === "number" && !Number.isFinite(value)) return null;
  if (
    value === null ||
    typeof value === "string" ||
    typeof value === "number" ||
    typeof value === "boolean"
  ) {
    return value;
  }
  return NOT_SCALAR;
}

function arraysEqual(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    // JSON encodes an undefined array element as null.
    if (
      !canonicalEqual(
        a[i] === undefined ? null : a[i],
        b[i] === undefined ? null : b[i],
      )
    )
      return false;
  }
  return true;
}

function objectsEqual(
  a: Record<string, unknown>,
  b: Record<string, unknown>,
): boolean {
  let definedInA = 0;
  for (const key in a) {
    if (!Object.hasOwn(a, key) || a[key] === undefined) continue;
    definedInA++;
    if (!Object.hasOwn(b, key) || !canonicalEqual(a[key], b[key])) return false;
  }
  let definedInB = 0;
  for (const key in b) {
    if (Object.hasOwn(b, key) && b[key] !== undefined) definedInB++;
  }
  return definedInA === definedInB;
}

/** JSON text with object keys sorted at every level: a stable fingerprint of a value. */
export function canonicalJson(value: Json): string {
  return JSON.stringify(sortKeysDeep(value)) ?? "undefined";
}

function sortKeysDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeysDeep);
  if (value === null || typeof value !== "object") return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort())
    sorted[key] = sortKeysDeep((value as Record<string, unknown>)[key]);
  return sorted;
}
