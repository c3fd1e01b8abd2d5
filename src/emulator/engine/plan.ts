/**
 * What the engine precomputes per family operation: the served operation,
 * its family placement, and the sampled answer with the resource template
 * (the sampled resource new records start from).
 */
import type { FamilyOperation } from "../../../scripts/lib/model/shapes/families";
import type { SpecOperation } from "../spec-operations";
import type { Json } from "../store";
import { valueAt } from "./answers";
import { isPlainObject, type ResourceTemplate } from "./records";
import type { Sampler } from "./samples";

export interface EnginePlan {
  readonly family: FamilyOperation;
  readonly operation: SpecOperation;
  /** A fresh sampled answer (empty object without a response schema). */
  answer(): Json;
  /** The parent parameters of the collection's sub-collections (`transactionId`), whatever operation uses them. */
  readonly parentParams: readonly string[];
  /** True when some operation creates records of the parent collection (so an unknown parent is a 404). */
  readonly parentsCreatable: boolean;
  /** The sampled resource of this operation's answer (fresh copies); `within` names an array of resources in the answer (sync results). */
  template(within?: readonly string[]): ResourceTemplate;
}

export interface CollectionFacts {
  readonly parentParams: ReadonlyMap<string, readonly string[]>;
  readonly creatable: ReadonlySet<string>;
}

export function planOf(family: FamilyOperation, operation: SpecOperation, sampler: Sampler, facts: CollectionFacts): EnginePlan {
  const sampled = (only?: "required"): Json => {
    const value = operation.responseSchema ? sampler.sample(operation.responseSchema, only) : {};
    return (isPlainObject(value) ? value : { value }) as Json;
  };
  return {
    family,
    operation,
    parentParams: facts.parentParams.get(family.collection) ?? [],
    parentsCreatable: family.parent !== undefined && facts.creatable.has(family.parent.collection),
    answer: () => sampled(),
    template: (within) => {
      const find = (answer: Json) => (within ? firstElement(valueAt(answer, within)) : templateIn(answer, family));
      const declared = asResource(find(sampled())) ?? {};
      // An optional envelope member holding the resource is absent from the required-only sample.
      return { declared, base: asResource(find(sampled("required"))) ?? structuredClone(declared) };
    },
  };
}

/** The resource inside a sampled answer: at `resourceAt`, else the first `data` element (lists, batches, `{action, data}`). */
function templateIn(answer: unknown, family: FamilyOperation): unknown {
  return family.resourceAt ? valueAt(answer, family.resourceAt) : firstElement(valueAt(answer, ["data"]));
}

const asResource = (value: unknown): Json | undefined => (isPlainObject(value) ? value : undefined);

function firstElement(data: unknown): unknown {
  const first = Array.isArray(data) ? data[0] : undefined;
  return isPlainObject(first) && !Object.hasOwn(first, "id") && isPlainObject(first.data) ? first.data : first;
}
