/**
 * Where each `$ref` leads, checked before any library follows it:
 * - a chain of references that loops without reaching an object (A → B → A)
 *   is an error naming the whole chain (`@redocly/openapi-core` and the other
 *   libraries overflow their stack on one);
 * - a reference must stand for the kind of object its position needs: a
 *   response's schema pointing at a parameter, or a parameter pointing at a
 *   schema, is an error naming the pointer of the reference.
 * Runs after `assertLocalRefsResolve` (every reference local and resolvable).
 * Linear: each chain is followed once.
 */
import { SpecError } from "./errors";
import { REFERENCEABLE_KINDS, type PositionKind } from "./positions";
import { isRef, refCycleError } from "./refs";
import { refPointer, resolveLocalRef } from "./resolve-own";

const ARTICLE: Readonly<Record<PositionKind, string>> = {
  schema: "a schema",
  parameter: "a parameter",
  header: "a header",
  requestBody: "a request body",
  response: "a response",
  example: "an example",
  link: "a link",
  callback: "a callback",
  pathItem: "a path item",
  securityScheme: "a security scheme",
  document: "the whole document",
  components: "the components object",
  map: "a map of definitions, not one definition",
  operation: "an operation",
  mediaType: "a media type object",
  encoding: "an encoding object",
};

const REFERENCEABLE: ReadonlySet<PositionKind> = new Set(REFERENCEABLE_KINDS);

type Refs = readonly { readonly ref: string; readonly pointer: string }[];

export function assertRefChainsEnd(document: unknown, source: string, refs: Refs, kinds: ReadonlyMap<string, PositionKind>): void {
  /** Target pointers known to lead to an object. */
  const ends = new Set<string>();
  for (const { ref, pointer } of refs) {
    const chain: string[] = [];
    const onChain = new Set<string>();
    let next = ref;
    for (;;) {
      const target = refPointer(next);
      if (ends.has(target)) break;
      chain.push(next);
      if (onChain.has(target)) {
        const kind = kinds.get(pointer);
        throw refCycleError({ source, pointer }, chain, kind === undefined ? "a definition" : ARTICLE[kind]);
      }
      onChain.add(target);
      const value = resolveLocalRef(document, next);
      if (!isRef(value)) break;
      next = value.$ref;
    }
    for (const target of onChain) ends.add(target);
  }
}

export function assertRefKinds(document: unknown, source: string, refs: Refs, kinds: ReadonlyMap<string, PositionKind>): void {
  const accepted = new Set<string>();
  for (const { ref, pointer } of refs) {
    const expected = kinds.get(pointer);
    if (expected === undefined || !REFERENCEABLE.has(expected)) continue;
    const memo = `${expected} ${ref}`;
    if (accepted.has(memo)) continue;
    accepted.add(memo);
    const targetPointer = refPointer(ref);
    const actual = kinds.get(targetPointer);
    const target = resolveLocalRef(document, ref);
    const isObject = target !== null && typeof target === "object" && !Array.isArray(target);
    const fits = expected === "schema" ? isObject || typeof target === "boolean" : isObject;
    if (actual === expected && fits) continue;
    if (actual === undefined && fits) continue; // an unclassified position (extension, example value): cannot tell
    const what = actual !== undefined ? ARTICLE[actual] : `a ${Array.isArray(target) ? "list" : typeof target}`;
    throw new SpecError(
      { source, pointer },
      `$ref ${JSON.stringify(ref)} points at ${what}, where ${ARTICLE[expected]} is expected`,
    );
  }
}
