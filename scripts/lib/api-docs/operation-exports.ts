/**
 * The names generated/ exports for one manifest operation, derived with the
 * generator's own naming (scripts/lib/model), and checked against what the
 * generated files really export, so the reference never names a missing symbol.
 */
import { narrowingIdentifiers, operationIdentifiers, syncIdentifiers, variantIdentifiers } from "../model/identifiers";
import { operationNames } from "../model/names";
import { methodOf, type ManifestOperation } from "./manifest";

export interface OperationExports {
  /** `<Op>Params`, `<Op>Body`, `<Op>Result`, `<Op>Item`: those the generated code declares. */
  readonly types: readonly string[];
  readonly descriptor: string;
  readonly sync?: { readonly planFunction: string; readonly planner: string; readonly input: string; readonly plan: string };
  readonly narrowing?: {
    readonly match: string;
    readonly description: string;
    readonly variants: readonly { readonly value: string; readonly type: string; readonly guard: string; readonly assert: string; readonly error: string }[];
  };
}

export function operationExports(op: ManifestOperation, exported: ReadonlySet<string>): OperationExports {
  const names = operationNames(op.namespace, methodOf(op));
  const named = { pascalName: names.pascal, camelName: names.camel };
  const ids = operationIdentifiers(named);
  const require = (name: string): string => {
    if (!exported.has(name)) {
      throw new Error(`${op.name}: generated/ does not export \`${name}\`, which generated/manifest.json implies; run \`npm run generate\``);
    }
    return name;
  };
  const types = [ids.params, ids.body, ids.result, ...(op.paginator ? [ids.item] : [])].filter((name) => exported.has(name));
  const sync = op.syncPlanner ? syncIdentifiers(named) : undefined;
  const narrowing = op.resultNarrowing ? narrowingIdentifiers(named) : undefined;
  return {
    types,
    descriptor: require(ids.descriptor),
    ...(sync
      ? { sync: { planFunction: require(sync.planFunction), planner: require(sync.planner), input: require(sync.input), plan: require(sync.plan) } }
      : {}),
    ...(narrowing && op.resultNarrowing
      ? {
          narrowing: {
            match: require(narrowing.match),
            description: require(narrowing.description),
            variants: op.resultNarrowing.variants.map((value) => {
              const variant = variantIdentifiers(named, value);
              return { value, type: require(variant.type), guard: require(variant.guard), assert: require(variant.assert), error: require(variant.error) };
            }),
          },
        }
      : {}),
  };
}
