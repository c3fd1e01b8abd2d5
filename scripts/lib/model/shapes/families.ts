/**
 * Resource families, found structurally from the model (paths, methods and
 * the shapes already detected), so the generator, the runtime and the
 * emulator agree on what a "collection" is:
 *
 *   POST /things                       create        GET /things                 list (query)
 *   GET|PATCH|PUT|DELETE /things/{id}  retrieve …    POST /things/list           list (filter body)
 *   POST|GET /things/count             count         POST|PATCH /things/batch    batchCreate | batchUpdate
 *   PUT /things/batch/external         batchUpsert   PUT|GET /things/external/{k} upsertByExternalId | retrieveByExternalId
 *   GET /things/metadata/{key}/{value} retrieveByMetadata
 *   POST /things/sync (sync shape)     sync          POST /things/{id}/verb      action (answers the resource)
 *
 * `/clients/{clientId}/addresses` is the `addresses` collection under the
 * parent `clients` (the parent key is the path parameter). A collection is
 * named by the camelCase of its literal segments after the last parameter, so
 * `/addresses/list` and `/clients/{clientId}/addresses` share `addresses`.
 * An operation that fits none of these, or whose answer does not carry what
 * its role needs (a resource with an `id`, a page, a count), is unplaced with
 * the reason.
 */
import type { OpenApiDocument } from "../../spec/load";
import { resolvePointer } from "../../spec/pointer";
import { camelCase } from "../names";
import { arrayView, objectView, resolveSchema, valueTypes, type Located, type SchemaContext } from "../schema-view";
import type { ApiModel, OperationModel } from "../types";
import { isPageResponse } from "./paginator";

export type FamilyRole =
  | "create"
  | "retrieve"
  | "update"
  | "replace"
  | "delete"
  | "list"
  | "count"
  | "batchCreate"
  | "batchUpdate"
  | "batchUpsert"
  | "upsertByExternalId"
  | "retrieveByExternalId"
  | "retrieveByMetadata"
  | "sync"
  | "action";

export interface FamilyOperation {
  readonly operationId: string;
  readonly role: FamilyRole;
  /** "addresses". */
  readonly collection: string;
  /** Sub-collections: the parent collection and the path parameter that names the parent record. */
  readonly parent?: { readonly collection: string; readonly param: string };
  /** The path parameter naming the record (item operations and actions). */
  readonly idParam?: string;
  /** The external key's path parameter, or the metadata key and value parameters. */
  readonly keyParams?: readonly string[];
  /** Action endpoints: the literal segments after the id ("promote", "migrate/preview"). */
  readonly verb?: string;
  /** Lists: where the filter and paging fields come from; `paged` false for a plain array answer. */
  readonly listIn?: "query" | "body";
  readonly paged?: boolean;
  /** Where the resource sits in the answer object ([] = the answer itself, ["data"], ["document"]). */
  readonly resourceAt?: readonly string[];
}

export interface ResourceFamily {
  readonly collection: string;
  /** Sorted by operationId. */
  readonly operations: readonly FamilyOperation[];
}

export interface UnplacedOperation {
  readonly operationId: string;
  readonly reason: string;
}

export interface FamilyModel {
  /** Sorted by collection name. */
  readonly families: readonly ResourceFamily[];
  /** Every placed operation by operationId (same objects as in `families`). */
  readonly placed: ReadonlyMap<string, FamilyOperation>;
  /** Sorted by operationId. */
  readonly unplaced: readonly UnplacedOperation[];
}

const isParam = (segment: string): boolean => /^\{.+\}$/.test(segment);
const paramName = (segment: string): string => segment.slice(1, -1);

/** Index of the last `{param}` segment, -1 without one (no `findLastIndex`: the declarations must compile for ES2022 consumers). */
function lastParamIndex(segments: readonly string[]): number {
  for (let index = segments.length - 1; index >= 0; index--) if (isParam(segments[index]!)) return index;
  return -1;
}

export function detectFamilies(document: OpenApiDocument, model: ApiModel, source = model.source): FamilyModel {
  const placed = new Map<string, FamilyOperation>();
  const unplaced: UnplacedOperation[] = [];
  const collectionPaths = collectionPathsOf(model);
  for (const operation of model.operations) {
    const context: SchemaContext = { document, source, operation: operation.label };
    const result = placeOperation(context, operation, collectionPaths);
    if (typeof result === "string") unplaced.push({ operationId: operation.operationId, reason: result });
    else placed.set(operation.operationId, { operationId: operation.operationId, ...result });
  }
  for (const reason of foreignActions(document, source, model, placed)) {
    placed.delete(reason.operationId);
    unplaced.push(reason);
  }
  const byCollection = new Map<string, FamilyOperation[]>();
  for (const entry of placed.values()) byCollection.set(entry.collection, [...(byCollection.get(entry.collection) ?? []), entry]);
  const families = [...byCollection]
    .map(([collection, operations]) => ({ collection, operations: operations.sort((a, b) => cmp(a.operationId, b.operationId)) }))
    .sort((a, b) => cmp(a.collection, b.collection));
  return { families, placed, unplaced: unplaced.sort((a, b) => cmp(a.operationId, b.operationId)) };
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function placeOperation(context: SchemaContext, operation: OperationModel, collectionPaths: ReadonlySet<string>): Omit<FamilyOperation, "operationId"> | string {
  const segments = operation.path.split("/").filter(Boolean);
  const response = responseOf(context, operation);
  const { role, base, ...rest } = roleOf(context, operation, segments, response, collectionPaths) ?? { role: undefined, base: [] };
  if (role === undefined) return `no resource pattern fits ${operation.method.toUpperCase()} ${operation.path}`;
  const collection = collectionOf(base);
  if (!collection) return `${operation.method.toUpperCase()} ${operation.path} has no collection segment`;
  const needs = requirement(context, role, rest, response);
  if (typeof needs === "string") return needs;
  return { role, ...collection, ...rest, ...needs };
}

function responseOf(context: SchemaContext, operation: OperationModel): Located | undefined {
  const response = operation.response;
  if (!response || !response.mediaType.includes("json")) return undefined;
  return { value: resolvePointer(context.document, response.schemaPointer), pointer: response.schemaPointer };
}

interface RoleMatch extends Omit<FamilyOperation, "operationId" | "collection" | "parent" | "role" | "resourceAt"> {
  readonly role: FamilyRole;
  readonly base: readonly string[];
}

function roleOf(
  context: SchemaContext,
  operation: OperationModel,
  segments: readonly string[],
  response: Located | undefined,
  collectionPaths: ReadonlySet<string>,
): RoleMatch | undefined {
  const { method, shapes } = operation;
  const at = (offset: number): string => segments[segments.length - offset] ?? "";
  const cut = (count: number): string[] => segments.slice(0, segments.length - count);
  const page = response !== undefined && isPageResponse(context, response);
  const list = (listIn: "query" | "body", base: readonly string[]): RoleMatch | undefined =>
    page ? { role: "list", base, listIn, paged: true } : isArrayAnswer(context, response) ? { role: "list", base, listIn, paged: false } : undefined;

  if (shapes.syncPlanner && at(1) === "sync") return { role: "sync", base: cut(1) };
  if (at(1) === "list" && method === "post") return list("body", cut(1));
  if (at(1) === "count" && (method === "post" || method === "get")) return { role: "count", base: cut(1) };
  if (at(1) === "batch" && shapes.batchChunker) {
    if (method === "post") return { role: "batchCreate", base: cut(1) };
    if (method === "patch") return { role: "batchUpdate", base: cut(1) };
  }
  if (at(2) === "batch" && at(1) === "external" && method === "put" && shapes.batchChunker) return { role: "batchUpsert", base: cut(2) };
  if (at(2) === "external" && isParam(at(1))) {
    const keyParams = [paramName(at(1))];
    if (method === "put") return { role: "upsertByExternalId", base: cut(2), keyParams };
    if (method === "get") return { role: "retrieveByExternalId", base: cut(2), keyParams };
  }
  if (at(3) === "metadata" && isParam(at(2)) && isParam(at(1)) && method === "get") {
    return { role: "retrieveByMetadata", base: cut(3), keyParams: [paramName(at(2)), paramName(at(1))] };
  }
  if (isParam(at(1)) && segments.length >= 2 && !isParam(at(2))) {
    const idParam = paramName(at(1));
    const item = { get: "retrieve", patch: "update", put: "replace", delete: "delete" } as const;
    const role = item[method as keyof typeof item];
    return role ? { role, base: cut(1), idParam } : undefined;
  }
  if (method === "post" && !isParam(at(1))) {
    // POST /things/{id}/verb (or /verb/sub) answering a resource is an action on the record, unless the
    // path is itself a collection other operations use (POST /clients/{clientId}/addresses creates).
    const idIndex = lastParamIndex(segments);
    const verbs = segments.slice(idIndex + 1);
    const action = idIndex > 0 && verbs.length <= 2 && !page && !isParam(segments[idIndex - 1]!) && !collectionPaths.has(segments.join("/"));
    if (action && answersResource(context, response)) {
      return { role: "action", base: segments.slice(0, idIndex), idParam: paramName(segments[idIndex]!), verb: verbs.join("/") };
    }
    return page || isArrayAnswer(context, response) ? list("body", segments) : { role: "create", base: segments };
  }
  if (method === "get" && !isParam(at(1))) return list("query", segments);
  return undefined;
}

/** What a role needs from the answer; returns the resource location, or the reason it cannot be placed. */
function requirement(context: SchemaContext, role: FamilyRole, match: Omit<RoleMatch, "role" | "base">, response: Located | undefined): { resourceAt?: readonly string[] } | string {
  switch (role) {
    case "list":
    case "delete":
    case "sync":
      return {};
    case "count":
      return response && countField(context, response) ? {} : "a count answer needs an integer property";
    case "batchCreate":
    case "batchUpdate":
    case "batchUpsert":
      return response && arrayView(context, objectView(context, response).properties.get("data") ?? { value: undefined, pointer: "" })
        ? {}
        : "a batch answer needs a `data` array";
    default: {
      const resourceAt = response && resourcePath(context, response);
      if (!resourceAt) return `a ${role} answer needs a resource with an \`id\`${match.verb ? ` (action "${match.verb}")` : ""}`;
      return { resourceAt };
    }
  }
}

/** [] when the answer is the resource, [name] when one property holds it (`data` preferred); undefined otherwise. */
export function resourcePath(context: SchemaContext, response: Located): string[] | undefined {
  const answer = objectView(context, response);
  if (answer.properties.has("id")) return [];
  const holders = [...answer.properties].filter(([, property]) => objectView(context, property).properties.has("id")).map(([name]) => name);
  if (holders.includes("data")) return ["data"];
  return holders.length === 1 ? [holders[0]!] : undefined;
}

function answersResource(context: SchemaContext, response: Located | undefined): boolean {
  return response !== undefined && resourcePath(context, response) !== undefined;
}

function isArrayAnswer(context: SchemaContext, response: Located | undefined): boolean {
  return response !== undefined && arrayView(context, response) !== undefined;
}

/** The answer's one integer (or number) property: `{count}`. */
export function countField(context: SchemaContext, response: Located): string | undefined {
  const numeric = [...objectView(context, response).properties].filter(([, property]) =>
    valueTypes(context, property).some((type) => type === "integer" || type === "number"),
  );
  return numeric.length === 1 ? numeric[0]![0] : numeric.find(([name]) => name === "count")?.[0];
}

/** `[clients, {clientId}, addresses]` → addresses under clients (param clientId); `[custom-reference-data, sources]` → customReferenceDataSources. */
function collectionOf(base: readonly string[]): Pick<FamilyOperation, "collection" | "parent"> | undefined {
  const last = lastParamIndex(base);
  const name = camelCase(base.slice(last + 1).join("-"));
  if (name === "" || base.length === 0) return undefined;
  if (last <= 0) return { collection: name };
  const parent = collectionOf(base.slice(0, last));
  return parent ? { collection: name, parent: { collection: parent.collection, param: paramName(base[last]!) } } : { collection: name };
}

/** Paths (segments joined by "/") that other operations use as a collection: read with GET, or with an item below. */
function collectionPathsOf(model: ApiModel): Set<string> {
  const paths = new Set<string>();
  for (const { method, path } of model.operations) {
    const segments = path.split("/").filter(Boolean);
    if (method === "get" && !isParam(segments.at(-1) ?? "")) paths.add(segments.join("/"));
    if (isParam(segments.at(-1) ?? "")) paths.add(segments.slice(0, -1).join("/"));
  }
  return paths;
}

/** Actions answer their record: one whose resource schema differs from the collection's (an import answering another resource) is unplaced. */
function foreignActions(document: OpenApiDocument, source: string, model: ApiModel, placed: ReadonlyMap<string, FamilyOperation>): UnplacedOperation[] {
  const schemaOf = (operationId: string): string | undefined => {
    const operation = model.operations.find((op) => op.operationId === operationId)!;
    const context: SchemaContext = { document, source, operation: operation.label };
    const response = responseOf(context, operation);
    const at = placed.get(operationId)?.resourceAt;
    if (!response || !at) return undefined;
    const resource = at.reduce<Located | undefined>((node, name) => node && objectView(context, node).properties.get(name), response);
    return resource && resolveSchema(context, resource)?.pointer;
  };
  const own = new Map<string, Set<string>>();
  for (const entry of placed.values()) {
    if (entry.role === "action") continue;
    const pointer = schemaOf(entry.operationId);
    if (pointer) own.set(entry.collection, (own.get(entry.collection) ?? new Set()).add(pointer));
  }
  return [...placed.values()]
    .filter((entry) => entry.role === "action" && !own.get(entry.collection)?.has(schemaOf(entry.operationId) ?? ""))
    .map((entry) => ({ operationId: entry.operationId, reason: `action "${entry.verb}" answers another resource than ${entry.collection}` }));
}
