/**
 * The snapshot's item-count limits (`maxItems`) checked before Ajv: Ajv with
 * `allErrors` validates every item of a 50,000-item batch before it reports
 * that 250 was the limit, which keeps the emulator busy for minutes. Schemas
 * are read through the one reader (./schema-views.ts): along `properties`
 * and `items`, with every `allOf` member's bound applying (the tightest wins);
 * under `anyOf`/`oneOf` a length counts only when it exceeds the limit of
 * every branch that admits an array. What it cannot place is left to Ajv,
 * which still reports it.
 */
import type { Issue } from "./errors";
import type { Located, SchemaContext } from "../../scripts/lib/model/schema-view";
import type { SchemaView } from "../../scripts/lib/model/schema";
import { viewOf } from "./schema-views";
import { escapeToken } from "../core/json-pointer";

const MAX_UNION_DEPTH = 8;

export function itemCountIssues(context: SchemaContext, schema: Located, value: unknown, path: string): Issue[] {
  if (value === null || typeof value !== "object") return [];
  const view = viewOf(context, schema);
  if (!view) return [];
  if (Array.isArray(value)) {
    const limit = maxItemsOf(context, view);
    if (limit !== undefined && value.length > limit) return [{ path, message: `must NOT have more than ${limit} items` }];
    const items = view.items;
    return items ? value.flatMap((item, index) => itemCountIssues(context, items, item, `${path}/${index}`)) : [];
  }
  const issues: Issue[] = [];
  for (const [key, child] of Object.entries(value)) {
    const property = view.properties.has(key) ? view.properties.get(key) : undefined;
    if (property) issues.push(...itemCountIssues(context, property, child, `${path}/${escapeToken(key)}`));
  }
  return issues;
}

/** The lowest `maxItems` that surely applies to an array under `view`, if any. */
function maxItemsOf(context: SchemaContext, view: SchemaView, depth = 0): number | undefined {
  const limits: number[] = [];
  if (typeof view.keywords.maxItems === "number") limits.push(view.keywords.maxItems);
  if (view.variants && depth < MAX_UNION_DEPTH) {
    const branches = view.variants.map((variant) => viewOf(context, variant)).filter((branch) => branch === undefined || admitsArray(branch));
    const branchLimits = branches.map((branch) => (branch ? maxItemsOf(context, branch, depth + 1) : undefined));
    if (branches.length && branchLimits.every((limit) => limit !== undefined)) limits.push(Math.max(...(branchLimits as number[])));
  }
  return limits.length ? Math.min(...limits) : undefined;
}

/** Whether a branch may accept an array: an explicit non-array `type` (or `const`/`enum` of scalars) rules it out. */
function admitsArray(view: SchemaView): boolean {
  if (view.types !== undefined) return view.types.includes("array");
  if (view.hasConst) return Array.isArray(view.constValue);
  if (view.enumValues) return view.enumValues.some(Array.isArray);
  return true;
}
