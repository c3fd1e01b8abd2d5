/**
 * Every `$ref` in a snapshot document must be local (`#/...`) and resolve
 * inside the same document. Checked before the OpenAPI linter runs so that a
 * dangling reference gets a message naming the source and the pointer of the
 * object holding it, and so the linter never tries to fetch anything.
 */
import { SpecError } from "./errors";
import { walkRefs } from "./refs";
import { resolveLocalRef } from "./resolve-own";

export function assertLocalRefsResolve(
  document: unknown,
  source: string,
  refs: Iterable<{ ref: string; pointer: string }> = walkRefs(document),
): void {
  const resolved = new Set<string>();
  for (const { ref, pointer } of refs) {
    if (resolved.has(ref)) continue;
    if (!ref.startsWith("#")) {
      throw new SpecError(
        { source, pointer },
        `external $ref ${JSON.stringify(ref)}: snapshot documents must be self-contained (only "#/..." references)`,
      );
    }
    let target: unknown;
    try {
      target = resolveLocalRef(document, ref);
    } catch {
      throw new SpecError({ source, pointer }, `malformed $ref ${JSON.stringify(ref)}: not a JSON pointer`);
    }
    if (target === undefined) {
      throw new SpecError({ source, pointer }, `dangling $ref ${JSON.stringify(ref)}: nothing at that pointer`);
    }
    resolved.add(ref);
  }
}
