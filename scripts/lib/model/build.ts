/**
 * Builds the API model from an OpenAPI 3.x document: one entry per operation
 * with its names, parameters, bodies, idempotency and helper shapes, sorted by
 * namespace and method name. Pure: the document in, the model out; problems
 * are located SpecErrors (file, pointer, operation).
 */
import { SpecError } from "../spec/errors";
import type { OpenApiDocument } from "../spec/load";
import { listOperations, type OperationEntry } from "../spec/operations";
import { compareKeys } from "../spec/normalize";
import { resolvePointer } from "../spec/pointer";
import { requestBodyOf, responseHeaderNames, successResponseOf } from "./bodies";
import { declaredIdentifiers } from "./identifiers";
import { isIdempotent } from "./idempotent";
import { methodName, methodPathName, namespaceName, operationNames } from "./names";
import { operationParameters } from "./parameters";
import type { Located, SchemaContext } from "./schema-view";
import { detectBatch } from "./shapes/batch";
import { detectNarrowing } from "./shapes/narrowing";
import { detectPaginator } from "./shapes/paginator";
import { detectSync } from "./shapes/sync";
import type { ApiModel, OperationModel, OperationShapes } from "./types";

export function buildApiModel(document: OpenApiDocument, source: string): ApiModel {
  const operations = listOperations(document).map((entry) => buildOperation(document, source, entry));
  assertUniqueNames(operations, source);
  operations.sort((a, b) => compareKeys(a.namespace, b.namespace) || compareKeys(a.name, b.name));
  const info = document.info as { title?: unknown; version?: unknown };
  return {
    source,
    title: typeof info.title === "string" ? info.title : "",
    version: typeof info.version === "string" ? info.version : "",
    operations,
  };
}

function buildOperation(document: OpenApiDocument, source: string, entry: OperationEntry): OperationModel {
  const { method, path, label, operation } = entry;
  const context: SchemaContext = { document, source, operation: label };
  const at: Located = { value: operation, pointer: entry.pointer };
  const pathItem: Located = { value: entry.pathItem, pointer: entry.pointer.slice(0, entry.pointer.lastIndexOf("/")) };

  const specOperationId = typeof operation.operationId === "string" ? operation.operationId : undefined;
  const tags = Array.isArray(operation.tags) ? operation.tags.filter((tag): tag is string => typeof tag === "string") : [];
  const tag = tags[0];
  const namespace = namespaceName(tag, path);
  const name = methodName(specOperationId, namespace, method, path);
  const names = operationNames(namespace, name);

  const parameters = operationParameters(context, pathItem, at);
  const requestBody = requestBodyOf(context, at);
  const response = successResponseOf(context, at);
  const bodySchema = requestBody && { value: resolvePointer(document, requestBody.schemaPointer), pointer: requestBody.schemaPointer };
  const responseSchema = response && { value: resolvePointer(document, response.schemaPointer), pointer: response.schemaPointer };

  const jsonBody = requestBody?.mediaType.includes("json") ? bodySchema : undefined;
  const syncPlanner = detectSync(context, jsonBody, parameters);
  const shapes: OperationShapes = {
    ...optional(
      "paginator",
      detectPaginator(context, {
        response: responseSchema,
        responseHeaders: responseHeaderNames(context, at, response?.status),
        parameters,
        requestBody: bodySchema,
      }),
    ),
    ...optional("batchChunker", syncPlanner ? undefined : detectBatch(context, jsonBody)),
    ...optional("syncPlanner", syncPlanner),
    ...optional("resultNarrowing", detectNarrowing(context, responseSchema)),
  };
  const summary = typeof operation.summary === "string" && operation.summary.trim() !== "" ? operation.summary.trim() : undefined;
  return {
    operationId: specOperationId ?? methodPathName(method, path),
    hasOperationId: specOperationId !== undefined,
    label,
    method,
    path,
    pointer: entry.pointer,
    ...optional("tag", tag),
    namespace,
    name,
    qualifiedName: names.qualified,
    pascalName: names.pascal,
    camelName: names.camel,
    ...optional("summary", summary),
    parameters,
    ...optional("requestBody", requestBody),
    ...optional("response", response),
    idempotent: isIdempotent(method, name, path, shapes.paginator !== undefined),
    shapes,
  };
}

/** `{ key: value }` when value is defined, `{}` otherwise (keeps absent keys absent under exactOptionalPropertyTypes). */
function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return value === undefined ? {} : ({ [key]: value } as { [P in K]?: V });
}

/** Two operations may not share a method name in one namespace, nor any generated identifier. */
function assertUniqueNames(operations: readonly OperationModel[], source: string): void {
  const byName = new Map<string, OperationModel>();
  const byIdentifier = new Map<string, OperationModel>();
  for (const op of operations) {
    const earlier = byName.get(op.qualifiedName);
    if (earlier) throw collision(source, op, earlier, `both are named "${op.qualifiedName}"`);
    byName.set(op.qualifiedName, op);
    const own = new Set<string>();
    for (const identifier of declaredIdentifiers(op)) {
      if (own.has(identifier)) {
        throw new SpecError(
          { source, pointer: op.pointer, operation: op.label },
          `name collision: ${op.qualifiedName} would declare "${identifier}" twice (a result variant named like a generated suffix)`,
        );
      }
      own.add(identifier);
      const owner = byIdentifier.get(identifier);
      if (owner) throw collision(source, op, owner, `both would declare "${identifier}"`);
      byIdentifier.set(identifier, op);
    }
  }
}

function collision(source: string, op: OperationModel, earlier: OperationModel, what: string): SpecError {
  const describe = (o: OperationModel) => `${o.label} (${o.method.toUpperCase()} ${o.path})`;
  return new SpecError(
    { source, pointer: op.pointer, operation: op.label },
    `name collision: ${describe(earlier)} and ${describe(op)} ${what}; rename one operationId or tag`,
  );
}
