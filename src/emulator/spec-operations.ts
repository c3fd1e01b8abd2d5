/**
 * The served operations, read from the API model (scripts/lib/model), the
 * one reading of the spec every stage shares: method, path, parameters, JSON
 * request body and success response schema per operation. Schema `$ref`s are
 * left for Ajv.
 */
import { buildApiModel } from "../../scripts/lib/model/build";
import { detectFamilies, type FamilyModel } from "../../scripts/lib/model/shapes/families";
import type { ApiModel, OperationModel } from "../../scripts/lib/model/types";
import type { OpenApiDocument } from "../../scripts/lib/spec/load";
import { resolvePointer } from "../core/json-pointer";
import type { HttpMethod } from "../core/operation";

export type JsonSchema = Record<string, unknown>;

export interface SpecParameter {
  readonly name: string;
  readonly in: "path" | "query" | "header" | "cookie";
  readonly required: boolean;
  readonly style?: string;
  readonly explode?: boolean;
  readonly schema: JsonSchema;
  /** Where `schema` lives in the spec, for the one schema reader. */
  readonly schemaPointer: string;
}

export interface SpecOperation {
  readonly operationId: string;
  readonly method: HttpMethod;
  readonly path: string;
  readonly parameters: readonly SpecParameter[];
  /** `schemaPointer`: where the body schema lives in the spec, for the one schema reader (`viewSchema`). */
  readonly requestBody?: { readonly required: boolean; readonly schema: JsonSchema; readonly schemaPointer: string };
  /** The status of the first 2xx response (200 when the spec lists none). */
  readonly successStatus: number;
  /** The schema of the first 2xx JSON response, if any. */
  readonly responseSchema?: JsonSchema;
  readonly responseSchemaPointer?: string;
}

/** What the emulator serves: the model, its operations and their resource families. */
export interface ServedSpec {
  readonly model: ApiModel;
  readonly operations: readonly SpecOperation[];
  readonly families: FamilyModel;
}

type Json = Record<string, any>;

export function readServedSpec(spec: Json): ServedSpec {
  if (!spec || typeof spec !== "object" || typeof spec.paths !== "object" || spec.paths === null) {
    throw new TypeError("emulator spec: expected an OpenAPI document with a `paths` object");
  }
  const document = spec as OpenApiDocument;
  const model = buildApiModel(document, "emulator spec");
  return {
    model,
    operations: model.operations.map((operation) => toSpecOperation(spec, operation)),
    families: detectFamilies(document, model),
  };
}

export function readOperations(spec: Json): SpecOperation[] {
  return [...readServedSpec(spec).operations];
}

function toSpecOperation(spec: Json, operation: OperationModel): SpecOperation {
  const parameters = operation.parameters.map((parameter): SpecParameter => {
    const declared = (resolvePointer(spec, parameter.pointer) ?? {}) as Json;
    return {
      name: parameter.name,
      in: parameter.in,
      required: parameter.required,
      ...(typeof declared.style === "string" ? { style: declared.style } : {}),
      ...(typeof declared.explode === "boolean" ? { explode: declared.explode } : {}),
      schema: (declared.schema ?? {}) as JsonSchema,
      schemaPointer: `${parameter.pointer}/schema`,
    };
  });
  const body = operation.requestBody;
  const response = operation.response;
  return {
    operationId: operation.operationId,
    method: operation.method,
    path: operation.path,
    parameters,
    ...(body && body.mediaType.includes("json")
      ? { requestBody: { required: body.required, schema: (resolvePointer(spec, body.schemaPointer) ?? {}) as JsonSchema, schemaPointer: body.schemaPointer } }
      : {}),
    successStatus: successStatus(spec, operation),
    ...(response && response.mediaType.includes("json")
      ? { responseSchema: (resolvePointer(spec, response.schemaPointer) ?? {}) as JsonSchema, responseSchemaPointer: response.schemaPointer }
      : {}),
  };
}

/** The response's status when it has a body, else the first 2xx the operation lists ("2XX" → 200). */
function successStatus(spec: Json, operation: OperationModel): number {
  const declared = operation.response?.status ?? Object.keys((resolvePointer(spec, operation.pointer) as Json)?.responses ?? {}).find((status) => /^2(\d\d|XX)$/.test(status));
  const status = Number(declared);
  return Number.isInteger(status) ? status : 200;
}

/** True when the operation declares any 2xx response (with or without a body). */
export function hasSuccessResponse(spec: Json, operation: SpecOperation): boolean {
  const declared = (resolvePointer(spec, `/paths/${escape(operation.path)}/${operation.method}`) as Json)?.responses ?? {};
  return Object.keys(declared).some((status) => /^2(\d\d|XX)$/.test(status));
}

const escape = (token: string): string => token.replace(/~/g, "~0").replace(/\//g, "~1");
