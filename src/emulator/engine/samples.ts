/**
 * Answers synthesized from the spec where state does not decide them:
 * `openapi-sampler` fills every declared property from examples, defaults,
 * enums, formats and patterns. It draws no random numbers, so a sample is the
 * same on every run (ids and timestamps come from the seeded generator and
 * clock instead). One sample per schema, copied on each use.
 */
import { sample } from "openapi-sampler";
import type { JsonSchema } from "../spec-operations";

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
  return {
    sample(schema, only) {
      const cache = only === "required" ? required : full;
      if (!cache.has(schema)) cache.set(schema, sample(schema as Parameters<typeof sample>[0], { ...OPTIONS, skipNonRequired: only === "required" }, spec));
      return structuredClone(cache.get(schema));
    },
  };
}
