/**
 * Request and response validation against the snapshot. Ajv (JSON Schema
 * 2020-12, the dialect of OpenAPI 3.1) and ajv-formats are set up once per
 * emulator: the spec's components become one registered schema and every
 * operation's body, path, query and (optionally) success response validator
 * is compiled at start, so a broken schema fails `startEmulator`, not a request.
 */
import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import type { Issue } from "./errors";
import type { SchemaContext } from "../../scripts/lib/model/schema-view";
import type { JsonSchema, SpecOperation, SpecParameter } from "./spec-operations";
import { escapeToken } from "../core/json-pointer";

// ajv-formats is CommonJS; depending on the bundler its default import is the plugin or the module.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv2020) => void;

const SPEC_ID = "https://emulator.artu.local/spec.json";
const COMPONENT_REF = "#/components/schemas/";

export interface OperationValidators {
  readonly body?: ValidateFunction;
  readonly path?: ValidateFunction;
  readonly query?: ValidateFunction;
  readonly response?: ValidateFunction;
}

export interface SpecValidation {
  /** The spec for the one schema reader (`viewSchema`), which the emulator's schema walkers read through. */
  readonly schemas: SchemaContext;
  validators(operationId: string): OperationValidators;
}

export function compileValidation(
  spec: { components?: { schemas?: Record<string, JsonSchema> } },
  operations: readonly SpecOperation[],
  options: { validateResponses: boolean },
): SpecValidation {
  const components = spec.components?.schemas ?? {};
  const ajv = new Ajv2020({ allErrors: true, strict: false, validateFormats: true });
  addFormats(ajv);
  ajv.addSchema({ $id: SPEC_ID, $defs: absoluteRefs(components) });

  const compiled = new Map<string, OperationValidators>();
  for (const operation of operations) {
    const compile = (schema: JsonSchema, where: string): ValidateFunction => {
      try {
        return ajv.compile(absoluteRefs(schema) as JsonSchema);
      } catch (error) {
        throw new TypeError(`emulator spec: cannot compile the ${where} schema of ${operation.operationId}: ${(error as Error).message}`);
      }
    };
    const path = parametersSchema(operation.parameters, "path");
    const query = parametersSchema(operation.parameters, "query");
    compiled.set(operation.operationId, {
      ...(operation.requestBody ? { body: compile(operation.requestBody.schema, "request body") } : {}),
      ...(path ? { path: compile(path, "path parameters") } : {}),
      ...(query ? { query: compile(query, "query parameters") } : {}),
      ...(options.validateResponses && operation.responseSchema ? { response: compile(operation.responseSchema, "response") } : {}),
    });
  }

  return { schemas: { document: spec, source: "emulator spec" }, validators: (operationId) => compiled.get(operationId) ?? {} };
}

/** Runs a validator and returns its problems as wire issues under `prefix` (`/body`, `/query`, `/response`). */
export function check(validate: ValidateFunction | undefined, value: unknown, prefix: string): Issue[] {
  if (!validate || validate(value)) return [];
  return toIssues(validate.errors ?? [], prefix);
}

export function toIssues(errors: readonly ErrorObject[], prefix: string): Issue[] {
  const seen = new Set<string>();
  const issues: Issue[] = [];
  for (const error of errors) {
    const child =
      error.keyword === "required"
        ? `/${escapeToken(String(error.params.missingProperty))}`
        : error.keyword === "additionalProperties"
          ? `/${escapeToken(String(error.params.additionalProperty))}`
          : "";
    const path = `${prefix}${error.instancePath}${child}`;
    const message = error.keyword === "required" ? "is required" : (error.message ?? "is invalid");
    const key = `${path}\u0000${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    issues.push({ path, message });
  }
  return issues;
}

function parametersSchema(parameters: readonly SpecParameter[], location: "path" | "query"): JsonSchema | undefined {
  const own = parameters.filter((p) => p.in === location);
  if (!own.length) return undefined;
  return {
    type: "object",
    properties: Object.fromEntries(own.map((p) => [p.name, p.schema])),
    required: own.filter((p) => p.required).map((p) => p.name),
  };
}

/** Rewrites `#/components/schemas/X` into references to the registered spec schema. */
function absoluteRefs<T>(value: T): T {
  if (Array.isArray(value)) return value.map(absoluteRefs) as T;
  if (!value || typeof value !== "object") return value;
  // fromEntries defines own properties: a spec's `__proto__` name (a property, a parameter) stays a name.
  return Object.fromEntries(
    Object.entries(value).map(([key, child]) => [
      key,
      key === "$ref" && typeof child === "string" && child.startsWith(COMPONENT_REF) ? `${SPEC_ID}#/$defs/${child.slice(COMPONENT_REF.length)}` : absoluteRefs(child),
    ]),
  ) as T;
}
