/**
 * Every identifier the generated files declare for an operation, derived from
 * its names (ARCHITECTURE.md "Names"). Emitters take names from here only, and
 * the model checks that no two operations (or variants) declare the same one.
 */
import { variantPascal } from "./names";
import type { OperationModel } from "./types";

type Named = Pick<OperationModel, "pascalName" | "camelName">;

export function operationIdentifiers(op: Named) {
  const { pascalName: p, camelName: c } = op;
  return {
    descriptor: `${c}Operation`,
    opType: `${p}Op`,
    params: `${p}Params`,
    body: `${p}Body`,
    result: `${p}Result`,
    item: `${p}Item`,
  };
}

export function narrowingIdentifiers(op: Named) {
  const { pascalName: p, camelName: c } = op;
  return { description: `${c}Variants`, errors: `${c}VariantErrors`, match: `match${p}Result` };
}

export function variantIdentifiers(op: Named, variant: string) {
  const name = op.pascalName + variantPascal(variant);
  return { type: name, guard: `is${name}`, assert: `assert${name}`, error: `${name}Error` };
}

export function syncIdentifiers(op: Named) {
  const { pascalName: p, camelName: c } = op;
  return { planner: `${c}Planner`, input: `${p}PlanInput`, plan: `${p}Plan`, planFunction: `plan${p}` };
}

/** All top-level names an operation's generated code declares. */
export function declaredIdentifiers(op: OperationModel): string[] {
  const names = Object.values(operationIdentifiers(op));
  const { resultNarrowing, syncPlanner } = op.shapes;
  if (resultNarrowing) {
    names.push(...Object.values(narrowingIdentifiers(op)));
    for (const variant of resultNarrowing.variants) names.push(...Object.values(variantIdentifiers(op, variant)));
  }
  if (syncPlanner) names.push(...Object.values(syncIdentifiers(op)));
  return names;
}
