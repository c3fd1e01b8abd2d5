/**
 * Answers synthesized from the spec where state does not decide them:
 * `openapi-sampler` fills every declared property from examples, defaults,
 * enums, formats and patterns. It draws no random numbers, so a sample is the
 * same on every run (ids and timestamps come from the seeded generator and
 * clock instead). One sample per schema, copied on each use.
 */
import { sample } from "openapi-sampler";
import type { JsonSchema } from "../spec-operations";
import { nullFirst } from "./null-first";

const OPTIONS = { skipReadOnly: false, skipWriteOnly: true, quiet: true, enablePatterns: true } as const;

export interface Sampler {
  /**
   * A fresh copy of the sample of `schema` (schemas are compared by identity):
   * every declared property, or with `required` only the required ones (what
   * a new record starts from, so no made-up optional value, such as an
   * `externalId`, is stored).
   */
  sample(schema: JsonSchema, only?: "required"): unknown;
}

export function createSampler(spec: object): Sampler {
  const full = new Map<JsonSchema, unknown>();
  const required = new Map<JsonSchema, unknown>();
  let nullable: { spec: object; schemas: Map<JsonSchema, JsonSchema> } | undefined;
  const nullFirstOf = (schema: JsonSchema) => {
    nullable ??= { spec: nullFirst(spec) as object, schemas: new Map() };
    if (!nullable.schemas.has(schema)) nullable.schemas.set(schema, nullFirst(schema) as JsonSchema);
    return { spec: nullable.spec, schema: nullable.schemas.get(schema)! };
  };
  return {
    sample(schema, only) {
      const cache = only === "required" ? required : full;
      if (!cache.has(schema)) {
        // The full sample shows each property's type (request values are checked against it); the
        // required-only one is what a new record starts from, with unset nullable fields null.
        const source = only === "required" ? nullFirstOf(schema) : { spec, schema };
        cache.set(schema, sample(source.schema as Parameters<typeof sample>[0], { ...OPTIONS, skipNonRequired: only === "required" }, source.spec));
      }
      return structuredClone(cache.get(schema));
    },
  };
}
