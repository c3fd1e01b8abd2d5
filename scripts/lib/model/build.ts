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
import { generateConfigPath, overrideKey, type GenerateConfig } from "./overrides";
import type { ApiModel, OperationModel, OperationShapes } from "./types";

/**
 * `config`: the overrides file beside the spec (overrides.ts), read by the
 * caller; its method names replace the derived ones. Without it, a name
 * collision's message says what to add there.
 */
export function buildApiModel(document: OpenApiDocument, source: string, config?: GenerateConfig): ApiModel {
  const used = new Set<string>();
  const rename = (entry: OperationEntry, operationId: string | undefined): string | undefined => {
    for (const key of [operationId, overrideKey(undefined, entry.method, entry.path)]) {
      if (key !== undefined && config !== undefined && Object.hasOwn(config.methodNames, key)) {
        used.add(key);
        return config.methodNames[key];
      }
    }
    return undefined;
  };
  const operations = listOperations(document).map((entry) => buildOperation(document, source, entry, rename));
  if (config) assertOverridesUsed(config, used);
  assertUniqueNames(operations, source, config?.file ?? generateConfigPath(source));
  operations.sort((a, b) => compareKeys(a.namespace, b.namespace) || compareKeys(a.name, b.name));
  return { source, ...documentHeading(document), operations };
}

/** The API's title and version (`info`), "" where the document has none. */
export function documentHeading(document: OpenApiDocument): { title: string; version: string } {
  const info = document.info as { title?: unknown; version?: unknown };
  return { title: typeof info.title === "string" ? info.title : "", version: typeof info.version === "string" ? info.version : "" };
}

function buildOperation(
  document: OpenApiDocument,
  source: string,
  entry: OperationEntry,
  rename: (entry: OperationEntry, operationId: string | undefined) => string | undefined,
): OperationModel {
  const { method, path, label, operation } = entry;
  const context: SchemaContext = { document, source, operation: label };
  const at: Located = { value: operation, pointer: entry.pointer };
  const pathItem: Located = { value: entry.pathItem, pointer: entry.pointer.slice(0, entry.pointer.lastIndexOf("/")) };

  const specOperationId = typeof operation.operationId === "string" ? operation.operationId : undefined;
  const tags = Array.isArray(operation.tags) ? operation.tags.filter((tag): tag is string => typeof tag === "string") : [];
  const tag = tags[0];
  const namespace = namespaceName(tag, path);
  const override = rename(entry, specOperationId);
  const name = override ?? methodName(specOperationId, namespace, method, path);
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
    // Without one in the spec, the stable name (or the override's, which settles `/jobs` vs `/jobs/`).
    operationId: specOperationId ?? override ?? methodPathName(method, path),
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

function assertOverridesUsed(config: GenerateConfig, used: ReadonlySet<string>): void {
  const unused = Object.keys(config.methodNames).filter((key) => !used.has(key));
  if (unused.length > 0) {
    throw new SpecError(
      { source: config.file, pointer: "/methodNames" },
      `no operation has the operationId or "METHOD path" ${unused.map((key) => JSON.stringify(key)).join(", ")}`,
    );
  }
}

/** Two operations may not share a method name in one namespace, nor any generated identifier. */
function assertUniqueNames(operations: readonly OperationModel[], source: string, configFile: string): void {
  const byName = new Map<string, OperationModel>();
  const byOperationId = new Map<string, OperationModel>();
  const byIdentifier = new Map<string, OperationModel>();
  for (const op of operations) {
    const earlier = byName.get(op.qualifiedName);
    if (earlier) throw collision(source, op, earlier, `both are named "${op.qualifiedName}"`, configFile);
    byName.set(op.qualifiedName, op);
    // Descriptors, validators and drift key operations by operationId. Two
    // from the spec are openapi-typescript's to report; a derived one (no
    // operationId in the spec) is renamed through the overrides file.
    const sameId = byOperationId.get(op.operationId);
    if (sameId && !(sameId.hasOperationId && op.hasOperationId)) {
      const [first, second] = op.hasOperationId ? [op, sameId] : [sameId, op];
      throw collision(source, second, first, `both have the operationId "${op.operationId}"`, configFile);
    }
    byOperationId.set(op.operationId, op);
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
      if (owner) throw collision(source, op, owner, `both would declare "${identifier}"`, configFile);
      byIdentifier.set(identifier, op);
    }
  }
}

function collision(source: string, op: OperationModel, earlier: OperationModel, what: string, configFile: string): SpecError {
  const describe = (o: OperationModel) => `${o.label} (${o.method.toUpperCase()} ${o.path})`;
  const key = overrideKey(op.hasOperationId ? op.operationId : undefined, op.method, op.path);
  const addition = JSON.stringify({ methodNames: { [key]: suggestedName(op, earlier) } });
  return new SpecError(
    { source, pointer: op.pointer, operation: op.label },
    `name collision: ${describe(earlier)} and ${describe(op)} ${what}; rename one operationId or tag, ` +
      `or name one of them in ${configFile}: add ${addition} (any unused method name will do)`,
  );
}

/** A method name for the second operation that differs from the first's: from its method and path, else numbered. */
function suggestedName(op: OperationModel, earlier: OperationModel): string {
  const fromPath = methodPathName(op.method, op.path);
  return fromPath !== earlier.name && fromPath !== op.name ? fromPath : `${op.name}2`;
}
