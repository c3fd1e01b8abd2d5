/**
 * The snapshot's item-count limits (`maxItems`) checked before Ajv: Ajv with
 * `allErrors` validates every item of a 50,000-item batch before it reports
 * that 250 was the limit, which keeps the emulator busy for minutes. This walk
 * follows the body along `properties`, `items` and `allOf` only, where a
 * limit surely applies; under `anyOf`/`oneOf` a length counts only when it
 * exceeds the limit of every branch that admits an array. What it cannot
 * place is left to Ajv, which still reports it.
 */
import type { Issue } from "./errors";
import type { SchemaResolver } from "./query";
import type { JsonSchema } from "./spec-operations";
import { escapeToken } from "../core/json-pointer";

export function itemCountIssues(schema: JsonSchema, value: unknown, path: string, resolve: SchemaResolver): Issue[] {
  if (Array.isArray(value)) {
    const limit = maxItemsOf(schema, resolve);
    if (limit !== undefined && value.length > limit) return [{ path, message: `must NOT have more than ${limit} items` }];
    const items = definiteSchemas(schema, resolve).flatMap((s) => (s.items && typeof s.items === "object" ? [s.items as JsonSchema] : []));
    return items.length ? value.flatMap((item, index) => items.flatMap((s) => itemCountIssues(s, item, `${path}/${index}`, resolve))) : [];
  }
  if (value === null || typeof value !== "object") return [];
  const issues: Issue[] = [];
  for (const s of definiteSchemas(schema, resolve)) {
    const properties = s.properties as Record<string, JsonSchema> | undefined;
    if (!properties) continue;
    for (const [key, child] of Object.entries(value)) {
      if (Object.hasOwn(properties, key)) issues.push(...itemCountIssues(properties[key]!, child, `${path}/${escapeToken(key)}`, resolve));
    }
  }
  return issues;
}

/** The schema and its `allOf` branches (recursively): every one of them applies to the value. */
function definiteSchemas(schema: JsonSchema, resolve: SchemaResolver, depth = 0): JsonSchema[] {
  const s = resolve(schema);
  if (depth > 8) return [s];
  return [s, ...((s.allOf as JsonSchema[] | undefined) ?? []).flatMap((branch) => definiteSchemas(branch, resolve, depth + 1))];
}

/** The lowest `maxItems` that surely applies to an array under `schema`, if any. */
function maxItemsOf(schema: JsonSchema, resolve: SchemaResolver, depth = 0): number | undefined {
  if (depth > 8) return undefined;
  const limits: number[] = [];
  for (const s of definiteSchemas(schema, resolve)) {
    if (typeof s.maxItems === "number") limits.push(s.maxItems);
    for (const combinator of ["anyOf", "oneOf"] as const) {
      const branches = ((s[combinator] as JsonSchema[] | undefined) ?? []).filter((branch) => admitsArray(resolve(branch)));
      const branchLimits = branches.map((branch) => maxItemsOf(branch, resolve, depth + 1));
      if (branches.length && branchLimits.every((limit) => limit !== undefined)) limits.push(Math.max(...(branchLimits as number[])));
    }
  }
  return limits.length ? Math.min(...limits) : undefined;
}

/** Whether a branch may accept an array: an explicit non-array `type` (or `const`/`enum` of scalars) rules it out. */
function admitsArray(s: JsonSchema): boolean {
  if (typeof s.type === "string") return s.type === "array";
  if (Array.isArray(s.type)) return s.type.includes("array");
  if ("const" in s) return Array.isArray(s.const);
  if (Array.isArray(s.enum)) return s.enum.some(Array.isArray);
  return true;
}
