/**
 * What the client derives from an OperationDescriptor once, at bind time, so
 * that a request does no work a descriptor already answers: the compiled path,
 * the positions of the positional arguments, the parameter names by location.
 */
import type { OperationDescriptor } from "../core/operation";
import { ArtuError } from "./errors";
import { compilePath, type CompiledPath } from "./path-template";

export interface PreparedOperation {
  readonly descriptor: OperationDescriptor;
  readonly operationId: string;
  /** Upper case, as sent. */
  readonly method: string;
  readonly path: string;
  readonly compiledPath: CompiledPath;
  /** Position of `params` / `body` in the generated method's arguments, -1 when absent; options follow them. */
  readonly paramsIndex: number;
  readonly bodyIndex: number;
  readonly optionsIndex: number;
  readonly querySet: ReadonlySet<string>;
  readonly headerParams: readonly string[];
  readonly knownParams: ReadonlySet<string>;
  /** Flat key → name on the wire, for renamed parameters (descriptor.wireNames). */
  readonly wireNames: Readonly<Record<string, string>> | undefined;
}

const cache = new WeakMap<OperationDescriptor, PreparedOperation>();

export function prepareOperation(descriptor: OperationDescriptor): PreparedOperation {
  let prepared = cache.get(descriptor);
  if (prepared === undefined) {
    prepared = buildPrepared(descriptor);
    cache.set(descriptor, prepared);
  }
  return prepared;
}

function buildPrepared(descriptor: OperationDescriptor): PreparedOperation {
  const compiledPath = compilePath(descriptor.path);
  const declared = [...descriptor.pathParams].sort().join(",");
  const inTemplate = [...compiledPath.names].sort().join(",");
  if (declared !== inTemplate) {
    throw new ArtuError(
      `${descriptor.operationId}: descriptor pathParams [${declared}] do not match the path template ${descriptor.path} [${inTemplate}]`,
    );
  }
  return {
    descriptor,
    operationId: descriptor.operationId,
    method: descriptor.method.toUpperCase(),
    path: descriptor.path,
    compiledPath,
    paramsIndex: descriptor.args.indexOf("params"),
    bodyIndex: descriptor.args.indexOf("body"),
    optionsIndex: descriptor.args.length,
    querySet: new Set(descriptor.queryParams),
    headerParams: descriptor.headerParams,
    knownParams: new Set([...descriptor.pathParams, ...descriptor.queryParams, ...descriptor.headerParams]),
    wireNames: descriptor.wireNames,
  };
}

/**
 * The query parameters present in `params`, in the caller's key order (as
 * openapi-fetch serializes `params.query`, so both clients send the same
 * URL); undefined when there are none. The same pass refuses parameter names
 * the operation does not have: a typo would otherwise be dropped silently and
 * the request sent without it.
 */
export function queryOf(
  prepared: PreparedOperation,
  params: Readonly<Record<string, unknown>> | undefined,
): Record<string, unknown> | undefined {
  if (params === undefined) return undefined;
  let query: Record<string, unknown> | undefined;
  for (const name in params) {
    const value = params[name];
    if (value === undefined) continue;
    if (prepared.querySet.has(name)) {
      if (value !== null) (query ??= {})[prepared.wireNames?.[name] ?? name] = value;
    } else if (!prepared.knownParams.has(name)) {
      throw unknownParameter(prepared, name);
    }
  }
  return query;
}

function unknownParameter(prepared: PreparedOperation, name: string): ArtuError {
  const known = [...prepared.knownParams];
  return new ArtuError(
    `${prepared.operationId}: unknown parameter "${name}"; ` +
      (known.length === 0 ? "the operation takes no parameters" : `expected one of ${known.join(", ")}`),
  );
}

/** The header parameters present in `params`, as strings; undefined when there are none. */
export function headerParamsOf(
  prepared: PreparedOperation,
  params: Readonly<Record<string, unknown>> | undefined,
): Record<string, string> | undefined {
  if (params === undefined) return undefined;
  let headers: Record<string, string> | undefined;
  for (const name of prepared.headerParams) {
    const value = params[name];
    if (value !== undefined && value !== null) (headers ??= {})[prepared.wireNames?.[name] ?? name] = String(value);
  }
  return headers;
}
