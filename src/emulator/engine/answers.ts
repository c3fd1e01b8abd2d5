/** Placing records into the sampled answer of an operation. */
import type { Json } from "../store";
import { isPlainObject } from "./records";

/** The value at `path` inside an answer (the resource template of `[]`, `["data"]`…). */
export function valueAt(answer: unknown, path: readonly string[]): unknown {
  return path.reduce<unknown>((node, name) => (isPlainObject(node) && Object.hasOwn(node, name) ? node[name] : undefined), answer);
}

/** `answer` with `value` put at `path` (the answer itself when `path` is empty). */
export function placeAt(answer: unknown, path: readonly string[], value: unknown): unknown {
  if (path.length === 0) return value;
  const root = isPlainObject(answer) ? answer : {};
  let node: Json = root;
  path.forEach((name, index) => {
    const last = index === path.length - 1;
    const next = last ? value : isPlainObject(node[name]) ? node[name] : {};
    Object.defineProperty(node, name, { value: next, enumerable: true, writable: true, configurable: true });
    if (!last) node = next as Json;
  });
  return root;
}
