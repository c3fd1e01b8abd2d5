/** Local `$ref` handling: every reference in a snapshot document points inside it. */
import { SpecError } from "./errors";
import { escapeToken } from "./pointer";
import { refPointer, resolveLocalRef } from "./resolve-own";

export interface RefObject {
  readonly $ref: string;
}

export function isRef(value: unknown): value is RefObject {
  return typeof value === "object" && value !== null && typeof (value as { $ref?: unknown }).$ref === "string";
}

/**
 * Follows `$ref` chains from `value` until a non-reference value, returning it
 * with the pointer where it lives. Throws a located `SpecError` on a dangling
 * or external reference, or on a chain that loops (naming the whole chain).
 */
export function deref<T = unknown>(
  document: unknown,
  value: unknown,
  at: { source: string; pointer: string },
): { value: T; pointer: string } {
  let current = value;
  let where = at.pointer;
  const chain: string[] = [];
  const seen = new Set<string>();
  while (isRef(current)) {
    const ref = current.$ref;
    if (!ref.startsWith("#")) {
      throw new SpecError({ source: at.source, pointer: where }, `external $ref ${JSON.stringify(ref)} is not supported`);
    }
    const target = resolveLocalRef(document, ref);
    if (target === undefined) {
      throw new SpecError({ source: at.source, pointer: where }, `dangling $ref ${JSON.stringify(ref)}`);
    }
    const targetPointer = refPointer(ref);
    chain.push(ref);
    if (seen.has(targetPointer)) throw refCycleError(at, chain);
    seen.add(targetPointer);
    where = targetPointer;
    current = target;
  }
  return { value: current as T, pointer: where };
}

/** "$ref chain loops without reaching a definition: #/A → #/B → #/A", located where the chain starts. */
export function refCycleError(at: { source: string; pointer: string }, chain: readonly string[], reaching = "a definition"): SpecError {
  return new SpecError({ source: at.source, pointer: at.pointer }, `$ref chain loops without reaching ${reaching}: ${chain.join(" → ")}`);
}

/**
 * Every `$ref` in `document` with the pointer of the object that holds it, in
 * document order. Iterative, so a deeply nested document cannot overflow the stack.
 */
export function* walkRefs(root: unknown, rootPath = ""): Generator<{ ref: string; pointer: string }> {
  const stack: { node: unknown; path: string }[] = [{ node: root, path: rootPath }];
  while (stack.length > 0) {
    const { node, path } = stack.pop()!;
    if (node === null || typeof node !== "object") continue;
    const start = stack.length;
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) if (isContainer(node[i])) stack.push({ node: node[i], path: `${path}/${i}` });
    } else {
      for (const key in node) {
        if (!Object.hasOwn(node, key)) continue;
        const child = (node as Record<string, unknown>)[key];
        if (key === "$ref" && typeof child === "string") yield { ref: child, pointer: path };
        else if (isContainer(child)) stack.push({ node: child, path: `${path}/${escapeKey(key)}` });
      }
    }
    reverseFrom(stack, start); // popped in document order

  }
}

/** Every `$ref` of `document` at once, for checks that each go over all of them. */
export function collectRefs(document: unknown): { ref: string; pointer: string }[] {
  return [...walkRefs(document)];
}

function reverseFrom(items: unknown[], start: number): void {
  for (let low = start, high = items.length - 1; low < high; low++, high--) {
    const swap = items[low];
    items[low] = items[high];
    items[high] = swap;
  }
}

function isContainer(value: unknown): boolean {
  return value !== null && typeof value === "object";
}

/** escapeToken without its cost for the keys that need no escaping (nearly all). */
export function escapeKey(key: string): string {
  return key.includes("~") || key.includes("/") ? escapeToken(key) : key;
}
