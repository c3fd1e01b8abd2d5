/**
 * The checks every stage runs on a spec before using it (pull before the
 * linter, generate and drift before building a model), so that all of them
 * refuse the same input with the same located `SpecError`:
 * references local and resolvable, reference chains ending in an object,
 * references standing for the kind of object their position needs, and path
 * templates agreeing with path parameters. Linear in the document's size.
 */
import { assertLocalRefsResolve } from "./check-refs";
import { SpecError } from "./errors";
import type { OpenApiDocument } from "./load";
import { HTTP_METHODS, operationLabel, type HttpMethod } from "./merge";
import { assertPathParametersMatch } from "./path-parameters";
import { parsePointer } from "./pointer";
import { classifyPositions } from "./positions";
import { assertRefChainsEnd, assertRefKinds } from "./ref-targets";
import { collectRefs } from "./refs";

export function assertSpecIntegrity(document: OpenApiDocument, source: string): void {
  try {
    const refs = collectRefs(document);
    assertLocalRefsResolve(document, source, refs);
    const kinds = classifyPositions(document);
    assertRefChainsEnd(document, source, refs, kinds);
    assertRefKinds(document, source, refs, kinds);
    assertPathParametersMatch(document, source);
  } catch (error) {
    throw withOperation(document, error);
  }
}

/** Names the operation a problem lies in, when its pointer is inside one. */
function withOperation(document: OpenApiDocument, error: unknown): unknown {
  if (!(error instanceof SpecError) || error.location.operation !== undefined) return error;
  const [paths, path, method] = parsePointer(error.location.pointer ?? "");
  if (paths !== "paths" || path === undefined || method === undefined || !HTTP_METHODS.includes(method as HttpMethod)) return error;
  const operation = document.paths?.[path]?.[method];
  if (operation === null || typeof operation !== "object") return error;
  return new SpecError({ ...error.location, operation: operationLabel(operation, method, path) }, error.problem);
}
