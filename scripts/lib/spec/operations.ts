/** The operations of an OpenAPI document in a stable order: by path, then by HTTP method order. */
import type { OpenApiDocument } from "./load";
import { HTTP_METHODS, operationLabel, type HttpMethod } from "./merge";
import { compareKeys } from "./normalize";
import { pointer } from "./pointer";

export interface OperationEntry {
  readonly method: HttpMethod;
  readonly path: string;
  /** `operationId`, or `METHOD /path` without one. */
  readonly label: string;
  /** JSON pointer of the operation object. */
  readonly pointer: string;
  readonly operation: Record<string, unknown>;
  /** The path item holding it (for path-level parameters). */
  readonly pathItem: Record<string, unknown>;
}

export function listOperations(document: OpenApiDocument): OperationEntry[] {
  const entries: OperationEntry[] = [];
  const paths = document.paths ?? {};
  for (const path of Object.keys(paths).sort(compareKeys)) {
    const pathItem = paths[path] ?? {};
    for (const method of HTTP_METHODS) {
      const operation = pathItem[method];
      if (operation === null || typeof operation !== "object") continue;
      entries.push({
        method,
        path,
        label: operationLabel(operation, method, path),
        pointer: pointer(["paths", path, method]),
        operation: operation as Record<string, unknown>,
        pathItem,
      });
    }
  }
  return entries;
}
