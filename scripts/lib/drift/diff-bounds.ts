/**
 * Validation keywords the generated types do not carry (bounds, `pattern`,
 * `multipleOf`, `uniqueItems`, `format`, `default`, `dependentRequired`,
 * `x-extensible-enum`): wire-only changes. A tighter request limit breaks
 * callers, a looser one is harmless; a looser response limit may surprise
 * readers (warning), a tighter one cannot.
 */
import { sameJson } from "../spec/normalize";
import type { SchemaPair } from "./diff-schema";
import { kebab, LOWER_BOUNDS, UPPER_BOUNDS } from "./rules";

export function compareValueKeywords(pair: SchemaPair): void {
  compareBounds(pair);
  comparePatterns(pair);
  compareMultipleOf(pair);
  compareUniqueItems(pair);
  compareFormat(pair);
  compareDefault(pair);
  compareDependentRequired(pair);
  compareExtensibleEnum(pair);
}

const show = (value: unknown) => (value === undefined ? "(none)" : JSON.stringify(value));

function compareBounds({ direction, before, after, where, report }: SchemaPair): void {
  for (const keyword of [...UPPER_BOUNDS, ...LOWER_BOUNDS]) {
    const old = numeric(before.keywords[keyword]);
    const now = numeric(after.keywords[keyword]);
    if (old === now) continue;
    const how = old === undefined ? "added" : now === undefined ? "removed" : now > old ? "increased" : "decreased";
    report(`${direction}-${kebab(keyword)}-${how}`, `${keyword} of ${where}: ${show(old)} → ${show(now)}`, { before: old, after: now });
  }
}

/** Every pattern of the merged definitions applies: one more is tighter, one fewer looser, a swap is a change. */
function comparePatterns({ direction, before, after, where, report }: SchemaPair): void {
  const old = before.patterns;
  const now = after.patterns;
  if (sameJson(old, now)) return;
  const added = now.filter((pattern) => !old.includes(pattern));
  const removed = old.filter((pattern) => !now.includes(pattern));
  const how = removed.length === 0 ? "added" : added.length === 0 ? "removed" : "changed";
  const text = (list: readonly string[]) => (list.length === 0 ? "(none)" : list.join(", "));
  report(`${direction}-pattern-${how}`, `pattern of ${where}: ${text(old)} → ${text(now)}`, {
    before: old.length <= 1 ? old[0] : old,
    after: now.length <= 1 ? now[0] : now,
  });
}

/** A new `multipleOf` that divides the old one accepts more values (looser); any other change rejects some. */
function compareMultipleOf({ direction, before, after, where, report }: SchemaPair): void {
  const old = numeric(before.keywords.multipleOf);
  const now = numeric(after.keywords.multipleOf);
  if (old === now) return;
  const message = `multipleOf of ${where}: ${show(old)} → ${show(now)}`;
  if (old === undefined || now === undefined) {
    report(`${direction}-multiple-of-${now === undefined ? "removed" : "added"}`, message, { before: old, after: now });
    return;
  }
  const divides = (divisor: number, value: number) => Number.isInteger(value / divisor);
  if (direction === "request") report(divides(now, old) ? "request-multiple-of-loosened" : "request-multiple-of-changed", message, { before: old, after: now });
  else report(divides(old, now) ? "response-multiple-of-tightened" : "response-multiple-of-changed", message, { before: old, after: now });
}

function compareUniqueItems({ direction, before, after, where, report }: SchemaPair): void {
  const old = before.keywords.uniqueItems === true;
  const now = after.keywords.uniqueItems === true;
  if (old === now) return;
  report(`${direction}-unique-items-${now ? "added" : "removed"}`, `uniqueItems of ${where}: ${old} → ${now}`, { before: old, after: now });
}

function compareFormat({ direction, before, after, where, report }: SchemaPair): void {
  const old = before.keywords.format;
  const now = after.keywords.format;
  if (sameJson(old ?? null, now ?? null) && (old === undefined) === (now === undefined)) return;
  const how = old === undefined ? "added" : now === undefined ? "removed" : "changed";
  report(`${direction}-format-${how}`, `format of ${where}: ${show(old)} → ${show(now)}`, { before: old, after: now });
}

function compareDefault({ direction, before, after, where, report }: SchemaPair): void {
  const old = before.keywords.default;
  const now = after.keywords.default;
  if (sameJson(old ?? null, now ?? null) && (old === undefined) === (now === undefined)) return;
  report(`${direction}-default-changed`, `default of ${where}: ${show(old)} → ${show(now)}`, { before: old, after: now });
}

/** Each `name → [other]` dependency added requires more (tighter); each removed requires less. */
function compareDependentRequired({ direction, before, after, where, report }: SchemaPair): void {
  const pairs = (map: ReadonlyMap<string, ReadonlySet<string>>) => new Set([...map].flatMap(([name, others]) => [...others].map((other) => `${name} → ${other}`)));
  const old = pairs(before.dependentRequired);
  const now = pairs(after.dependentRequired);
  for (const dependency of now) {
    if (!old.has(dependency)) report(`${direction}-dependent-required-added`, `dependentRequired of ${where}: ${dependency} added`, { after: dependency });
  }
  for (const dependency of old) {
    if (!now.has(dependency)) report(`${direction}-dependent-required-removed`, `dependentRequired of ${where}: ${dependency} removed`, { before: dependency });
  }
}

function compareExtensibleEnum({ direction, before, after, where, report }: SchemaPair): void {
  const old = before.extensibleEnum ?? [];
  const now = after.extensibleEnum ?? [];
  const has = (list: readonly unknown[], value: unknown) => list.some((item) => sameJson(item, value));
  for (const value of old.filter((item) => !has(now, item))) {
    report(`${direction}-extensible-enum-value-removed`, `${where}: x-extensible-enum value ${JSON.stringify(value)} removed`, { before: old, after: now });
  }
  for (const value of now.filter((item) => !has(old, item))) {
    report(`${direction}-extensible-enum-value-added`, `${where}: x-extensible-enum value ${JSON.stringify(value)} added`, { before: old, after: now });
  }
}

/** OpenAPI 3.0's boolean `exclusiveMaximum` is folded into a number by the schema reader; anything else is no bound. */
function numeric(value: unknown): number | undefined {
  return typeof value === "number" ? value : undefined;
}
