/**
 * Operations the engine cannot place answer from their response schema
 * alone, like Prism: the sampled answer, with nothing read or written.
 */
import type { Handler } from "../handlers/context";
import type { SpecOperation } from "../spec-operations";
import type { Sampler } from "./samples";

export function statelessHandler(operation: SpecOperation, sampler: Sampler): Handler {
  return () => (operation.responseSchema ? sampler.sample(operation.responseSchema) : undefined);
}
