/**
 * Path templates and path parameters agree, for every operation: each
 * `{name}` of the path is declared by a path parameter (of the operation or
 * its path item), and each declared path parameter appears in the template.
 * Either mismatch is an error naming the operation (a client would send a
 * literal "{id}", or never fill a parameter the caller passes).
 */
import { SpecError } from "./errors";
import type { OpenApiDocument } from "./load";
import { listOperations, type OperationEntry } from "./operations";
import { pointer as joinPointer } from "./pointer";
import { deref } from "./refs";

export function assertPathParametersMatch(document: OpenApiDocument, source: string): void {
  for (const entry of listOperations(document)) {
    const template = templateNames(entry.path);
    const declared = declaredPathParameters(document, source, entry);
    const where = { source, operation: entry.label };
    for (const name of template) {
      if (!declared.has(name)) {
        throw new SpecError(
          { ...where, pointer: entry.pointer },
          `the path ${entry.path} has {${name}}, but no parameter declares it: add a path parameter named "${name}"`,
        );
      }
    }
    for (const [name, at] of declared) {
      if (!template.has(name)) {
        throw new SpecError(
          { ...where, pointer: at },
          `path parameter "${name}" does not appear in the path ${entry.path}: add {${name}} to the path or remove the parameter`,
        );
      }
    }
  }
}

function templateNames(path: string): Set<string> {
  return new Set([...path.matchAll(/\{([^{}]*)\}/g)].map((match) => match[1]!));
}

/** Name → pointer of each path parameter of the path item and the operation. */
function declaredPathParameters(document: OpenApiDocument, source: string, entry: OperationEntry): Map<string, string> {
  const declared = new Map<string, string>();
  const pathItemPointer = joinPointer(["paths", entry.path]);
  const lists: [unknown, string][] = [
    [entry.pathItem.parameters, `${pathItemPointer}/parameters`],
    [entry.operation.parameters, `${entry.pointer}/parameters`],
  ];
  for (const [list, listPointer] of lists) {
    if (!Array.isArray(list)) continue;
    list.forEach((parameter, index) => {
      const at = `${listPointer}/${index}`;
      const { value } = deref<{ name?: unknown; in?: unknown } | null>(document, parameter, { source, pointer: at });
      if (value !== null && typeof value === "object" && value.in === "path" && typeof value.name === "string") {
        declared.set(value.name, at);
      }
    });
  }
  return declared;
}
