/**
 * Keywords whose value is a schema and that the generated types do not
 * carry (`contains`, `propertyNames`, `not`, `if`/`then`/`else`,
 * `unevaluated*`, `dependentSchemas/<name>`, `items` next to `prefixItems`),
 * plus the two that reach the types as index signatures
 * (`additionalProperties`, `patternProperties/<pattern>`). Adding one narrows
 * what is valid, removing one widens it. When both sides have one, its two
 * schemas are compared in a sandbox (a throw-away collector): any change
 * harmful in that direction means the keyword got tighter (requests) or
 * looser (responses). `not` is compared the other way round: a looser `not`
 * schema rejects more. A boolean `true` (or `{}`) means the same as no keyword.
 */
import { sameJson } from "../spec/normalize";
import type { SchemaAt } from "../model/schema";
import type { Direction } from "./change";
import { ChangeCollector } from "./collector";
import { childPlace, diffSchema, type SchemaPair } from "./diff-schema";
import { kebab, ruleFor } from "./rules";

/** Subschema keywords compared through the type-carrying diff (their types show in the generated code). */
const TYPED = new Set(["additionalProperties", "patternProperties"]);

export function compareSubschemas(pair: SchemaPair): void {
  const { before, after } = pair;
  // Next to prefixItems on both sides, `items` only constrains the extra positions (the tuple type ignores it).
  const tuple = before.prefixItems !== undefined && after.prefixItems !== undefined;
  const old = subschemas(before.subschemas, tuple ? before.items : undefined, before.additionalProperties);
  const now = subschemas(after.subschemas, tuple ? after.items : undefined, after.additionalProperties);
  for (const name of [...new Set([...old.keys(), ...now.keys()])].sort()) {
    const keyword = name.split("/")[0]!;
    if (keyword === "if") compareIf(pair, old.get(name), now.get(name));
    else compareOne(pair, name, keyword, old.get(name), now.get(name));
  }
}

function subschemas(map: ReadonlyMap<string, SchemaAt>, items: SchemaAt | undefined, additional: SchemaAt | undefined): Map<string, SchemaAt> {
  const result = new Map<string, SchemaAt>();
  for (const [name, located] of map) if (!isTrivial(located)) result.set(name, located);
  if (items && !isTrivial(items)) result.set("items", items);
  if (additional && !isTrivial(additional)) result.set("additionalProperties", additional);
  return result;
}

/** `true` and `{}` accept everything: the same as no keyword at all. */
function isTrivial(located: SchemaAt): boolean {
  if (located.also) return false;
  const { value } = located;
  return value === true || (value !== null && typeof value === "object" && !Array.isArray(value) && Object.keys(value).length === 0);
}

function compareOne({ ctx, direction, place, where, report }: SchemaPair, name: string, keyword: string, old: SchemaAt | undefined, now: SchemaAt | undefined): void {
  const id = (how: string) => `${direction}-${kebab(keyword)}-${how}`;
  const label = name.includes("/") ? `\`${keyword}\` ${JSON.stringify(name.slice(keyword.length + 1))}` : `\`${keyword}\``;
  if (!old || !now) {
    const present = (now ?? old)!;
    report(id(now ? "added" : "removed"), `${label} of ${where} ${now ? "added" : "removed"}`, now ? { after: present.value } : { before: present.value }, present.pointer);
    return;
  }
  if (TYPED.has(keyword) && now.value !== false && old.value !== false) {
    diffSchema(ctx, direction, childPlace(place, keyword === "additionalProperties" ? "{*}" : `{${name.slice(keyword.length + 1)}}`), old, now);
    return;
  }
  const verdict = judge(ctx, keyword === "not" ? flip(direction) : direction, old, now);
  if (verdict === "same") return;
  // Harmful in the request direction = the new schema rejects more (tighter); in the response direction = it allows more (looser).
  const tighter = direction === "request" ? verdict === "harmful" : verdict === "harmless";
  report(id(tighter ? "tightened" : "loosened"), `${label} of ${where} ${tighter ? "tightened" : "loosened"}`, { before: old.value, after: now.value }, now.pointer);
}

function compareIf({ direction, after, where, report }: SchemaPair, old: SchemaAt | undefined, now: SchemaAt | undefined): void {
  if (old && now && sameJson(old.value, now.value) && sameJson(old.also ?? [], now.also ?? [])) return;
  report(`${direction}-if-changed`, `\`if\` condition of ${where} ${!old ? "added" : !now ? "removed" : "changed"}`, { before: old?.value, after: now?.value }, now?.pointer ?? after.pointer);
}

function flip(direction: Direction): Direction {
  return direction === "request" ? "response" : "request";
}

/**
 * Compares two schemas without reporting: "harmful" when some change between
 * them is breaking or a warning in `direction`, "harmless" when they differ
 * otherwise, "same" when only documentation differs. A `false` schema accepts
 * nothing, so it is the tightest of all.
 */
export function judge(ctx: SchemaPair["ctx"], direction: Direction, old: SchemaAt, now: SchemaAt): "harmful" | "harmless" | "same" {
  if (now.value === false || old.value === false) {
    if (now.value === old.value) return "same";
    const tighter = now.value === false;
    return (direction === "request") === tighter ? "harmful" : "harmless";
  }
  // Comparisons already being judged up the stack are taken as equal: a cyclic `not`/`contains` graph ends.
  const key = `${direction}|${old.pointer}|${now.pointer}`;
  if (ctx.judging?.has(key)) return "same";
  const collector = new ChangeCollector();
  const judging = new Set(ctx.judging).add(key);
  diffSchema({ ...ctx, collector, visited: new Set(), judging, pending: undefined }, direction, { origin: "sandbox", field: "" }, old, now);
  const changes = collector.changes.filter((change) => !ruleFor(change.id).docsOnly);
  if (changes.length === 0) return "same";
  return changes.some((change) => change.level !== "info") ? "harmful" : "harmless";
}
