/** Local `$ref` handling: every reference in a snapshot document points inside it. */
import { SpecError } from "./errors";
import { escapeToken, resolvePointer } from "./pointer";

export interface RefObject {
  readonly $ref: string;
}

export function isRef(value: unknown): value is RefObject {
  return typeof value === "object" && value !== null && typeof (value as { $ref?: unknown }).$ref === "string";
}

/**
 * Follows `$ref` chains from `value` until a non-reference value, returning it
 * with the pointer where it lives. Throws a located `SpecError` on a dangling
 * or external reference, or on a cycle of references.
 */
export function deref<T = unknown>(
  document: unknown,
  value: unknown,
  at: { source: string; pointer: string },
): { value: T; pointer: string } {
  let current = value;
  let where = at.pointer;
  const seen = new Set<string>();
  while (isRef(current)) {
    const ref = current.$ref;
    if (!ref.startsWith("#")) {
      throw new SpecError({ source: at.source, pointer: where }, `external $ref ${JSON.stringify(ref)} is not supported`);
    }
    if (seen.has(ref)) throw new SpecError({ source: at.source, pointer: where }, `$ref cycle through ${ref}`);
    seen.add(ref);
    const target = resolvePointer(document, decodeURIComponent(ref.slice(1)));
    if (target === undefined) {
      throw new SpecError({ source: at.source, pointer: where }, `dangling $ref ${JSON.stringify(ref)}`);
    }
    where = decodeURIComponent(ref.slice(1));
    current = target;
  }
  return { value: current as T, pointer: where };
}

/** Every `$ref` in `document` with the pointer of the object that holds it. */
export function* walkRefs(node: unknown, path = ""): Generator<{ ref: string; pointer: string }> {
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) yield* walkRefs(node[i], `${path}/${i}`);
  } else if (node !== null && typeof node === "object") {
    for (const [key, child] of Object.entries(node)) {
      if (key === "$ref" && typeof child === "string") yield { ref: child, pointer: path };
      else yield* walkRefs(child, `${path}/${escapeToken(key)}`);
    }
  }
}
