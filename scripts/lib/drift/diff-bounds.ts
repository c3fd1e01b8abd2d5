/**
 * Validation keywords the generated types do not carry (bounds, `pattern`):
 * wire-only changes. A tighter request limit breaks callers, a looser one is
 * harmless; a looser response limit may surprise readers (warning), a tighter
 * one cannot.
 */
import type { Direction } from "./change";
import type { Report } from "./diff-schema";
import { kebab, LOWER_BOUNDS, UPPER_BOUNDS } from "./rules";
import type { SchemaView } from "./schema-view";

export function compareBounds(direction: Direction, before: SchemaView, after: SchemaView, where: string, report: Report): void {
  for (const keyword of [...UPPER_BOUNDS, ...LOWER_BOUNDS]) {
    const old = numeric(before.keywords[keyword]);
    const now = numeric(after.keywords[keyword]);
    if (old === now) continue;
    const how = old === undefined ? "added" : now === undefined ? "removed" : now > old ? "increased" : "decreased";
    const show = (value: number | undefined) => (value === undefined ? "(none)" : String(value));
    report(`${direction}-${kebab(keyword)}-${how}`, `${keyword} of ${where}: ${show(old)} → ${show(now)}`, { before: old, after: now });
  }
}

export function comparePattern(direction: Direction, before: SchemaView, after: SchemaView, where: string, report: Report): void {
  const old = typeof before.keywords.pattern === "string" ? before.keywords.pattern : undefined;
  const now = typeof after.keywords.pattern === "string" ? after.keywords.pattern : undefined;
  if (old === now) return;
  const how = old === undefined ? "added" : now === undefined ? "removed" : "changed";
  report(`${direction}-pattern-${how}`, `pattern of ${where}: ${old ?? "(none)"} → ${now ?? "(none)"}`, { before: old, after: now });
}

/** OpenAPI 3.0's boolean `exclusiveMaximum` is not a bound of its own. */
function numeric(value: unknown): number | undefined {
  return typeof value === "number" ? value : undefined;
}
