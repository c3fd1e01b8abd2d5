/**
 * Reads the operations of an OpenAPI document: method, path, parameters,
 * JSON request body and success response schema. Only local `$ref`s to
 * parameters are followed here; schema `$ref`s are left for Ajv.
 */
import { HTTP_METHODS, type HttpMethod } from "../core/operation";
import { unescapeToken } from "../core/json-pointer";

export type JsonSchema = Record<string, unknown>;

export interface SpecParameter {
  readonly name: string;
  readonly in: "path" | "query" | "header" | "cookie";
  readonly required: boolean;
  readonly style?: string;
  readonly explode?: boolean;
  readonly schema: JsonSchema;
}

export interface SpecOperation {
  readonly operationId: string;
  readonly method: HttpMethod;
  readonly path: string;
  readonly parameters: readonly SpecParameter[];
  readonly requestBody?: { readonly required: boolean; readonly schema: JsonSchema };
  /** The schema of the first 2xx JSON response, if any. */
  readonly successStatus: number;
  readonly responseSchema?: JsonSchema;
}


type Json = Record<string, any>;

export function readOperations(spec: Json): SpecOperation[] {
  if (!spec || typeof spec !== "object" || typeof spec.paths !== "object") {
    throw new TypeError("emulator spec: expected an OpenAPI document with a `paths` object");
  }
  const operations: SpecOperation[] = [];
  for (const [path, item] of Object.entries(spec.paths as Json)) {
    const shared: Json[] = item.parameters ?? [];
    for (const method of HTTP_METHODS) {
      const operation: Json | undefined = item[method];
      if (!operation) continue;
      const operationId: string = operation.operationId ?? `${method} ${path}`;
      const parameters = mergeParameters(
        shared.map((p) => resolveLocal(spec, p) ?? {}),
        (operation.parameters ?? []).map((p: Json) => resolveLocal(spec, p) ?? {}),
      );
      const body = resolveLocal(spec, operation.requestBody ?? null);
      const bodySchema = body?.content?.["application/json"]?.schema;
      const [successStatus, responseSchema] = successResponse(spec, operation.responses ?? {});
      operations.push({
        operationId,
        method,
        path,
        parameters,
        ...(bodySchema ? { requestBody: { required: body.required === true, schema: bodySchema } } : {}),
        successStatus,
        ...(responseSchema ? { responseSchema } : {}),
      });
    }
  }
  return operations;
}

function mergeParameters(shared: Json[], own: Json[]): SpecParameter[] {
  const byKey = new Map<string, SpecParameter>();
  for (const p of [...shared, ...own]) {
    byKey.set(`${p.in}:${p.name}`, {
      name: p.name,
      in: p.in,
      required: p.required === true || p.in === "path",
      ...(p.style ? { style: p.style } : {}),
      ...(p.explode !== undefined ? { explode: p.explode } : {}),
      schema: p.schema ?? {},
    });
  }
  return [...byKey.values()];
}

function successResponse(spec: Json, responses: Json): [number, JsonSchema | undefined] {
  const code = Object.keys(responses).find((status) => /^2\d\d$/.test(status));
  if (!code) return [200, undefined];
  const response = resolveLocal(spec, responses[code]);
  return [Number(code), response?.content?.["application/json"]?.schema];
}

/** Follows a local `#/...` reference (parameters, request bodies, responses). */
export function resolveLocal(spec: Json, value: Json | null): Json | null {
  let current = value;
  for (let hops = 0; current && typeof current.$ref === "string" && hops < 16; hops++) {
    const ref: string = current.$ref;
    if (!ref.startsWith("#/")) throw new TypeError(`emulator spec: only local references are supported, got ${ref}`);
    current = ref
      .slice(2)
      .split("/")
      .map(unescapeToken)
      .reduce<Json | undefined>((node, key) => node?.[key], spec) ?? null;
    if (!current) throw new TypeError(`emulator spec: unresolved reference ${ref}`);
  }
  return current;
}
