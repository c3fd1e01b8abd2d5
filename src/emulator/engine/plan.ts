/**
 * What the engine precomputes per family operation: the served operation,
 * its family placement, and the sampled answer with the resource template
 * (the sampled resource new records start from).
 */
import type { FamilyOperation } from "../../../scripts/lib/model/shapes/families";
import type { SpecOperation } from "../spec-operations";
import type { Json } from "../store";
import { valueAt } from "./answers";
import { isPlainObject } from "./records";
import type { Sampler } from "./samples";

export interface EnginePlan {
  readonly family: FamilyOperation;
  readonly operation: SpecOperation;
  /** A fresh sampled answer (empty object without a response schema). */
  answer(): Json;
  /** A fresh sampled resource of this operation's answer. */
  template(): Json;
}

export function planOf(family: FamilyOperation, operation: SpecOperation, sampler: Sampler): EnginePlan {
  const answer = (): Json => {
    const sampled = operation.responseSchema ? sampler.sample(operation.responseSchema) : {};
    return (isPlainObject(sampled) ? sampled : { value: sampled }) as Json;
  };
  return {
    family,
    operation,
    answer,
    template: () => templateIn(answer(), family),
  };
}

/** The resource inside a sampled answer: at `resourceAt`, else the first `data` element (lists, batches, `{action, data}`). */
function templateIn(answer: unknown, family: FamilyOperation): Json {
  if (family.resourceAt) return asObject(valueAt(answer, family.resourceAt));
  const data = valueAt(answer, ["data"]);
  const first = Array.isArray(data) ? data[0] : undefined;
  if (isPlainObject(first) && !Object.hasOwn(first, "id") && isPlainObject(first.data)) return first.data;
  return asObject(first);
}

const asObject = (value: unknown): Json => (isPlainObject(value) ? value : {});
