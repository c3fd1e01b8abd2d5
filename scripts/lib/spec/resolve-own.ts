/**
 * Resolves a `$ref`'s JSON pointer through own properties only: a hostile
 * `#/__proto__` or `#/paths/constructor` must dangle, not reach a prototype.
 */
import { parsePointer } from "./pointer";

/** The value `ref` ("#/..." as written, percent-encoding allowed) points at, or undefined. */
export function resolveLocalRef(document: unknown, ref: string): unknown {
  let node: unknown = document;
  for (const token of parsePointer(refPointer(ref))) {
    if (node === null || typeof node !== "object" || !Object.hasOwn(node, token)) return undefined;
    node = (node as Record<string, unknown>)[token];
  }
  return node;
}

/** The JSON pointer of a local `$ref` ("#/a%20b/c" → "/a b/c"); throws on a malformed one. */
export function refPointer(ref: string): string {
  return decodeURIComponent(ref.slice(1));
}
