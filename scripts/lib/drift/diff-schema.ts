/**
 * Compares two schemas in one direction. What breaks depends on who produces
 * the data: users produce requests (anything the server stops accepting
 * breaks), the server produces responses (anything users may now receive
 * that they could not before breaks or warns). Each pair of resolved schemas
 * is compared once per operation and direction, which also makes recursive
 * schemas safe.
 */
import { sameJson } from "../spec/normalize";
import type { Direction, OperationRefLike } from "./change";
import type { ChangeCollector } from "./collector";
import { compareBounds, comparePattern } from "./diff-bounds";
import { matchVariants } from "./match-variants";
import { viewSchema, type Located, type SchemaView, type Side } from "./schema-view";

export interface SchemaDiffContext {
  readonly base: Side;
  readonly head: Side;
  readonly scope: OperationRefLike;
  readonly collector: ChangeCollector;
  /** `direction|basePointer|headPointer` of the pairs already compared for this operation. */
  readonly visited: Set<string>;
}

/** Where a schema sits, for messages: `origin` ("request body", "200 response", "query parameter `limit`") and a field path. */
export interface Place {
  readonly origin: string;
  readonly field: string;
}

export function describePlace({ origin, field }: Place): string {
  return field === "" ? `the ${origin}` : `\`${field}\` in the ${origin}`;
}

function child(place: Place, segment: string): Place {
  return { origin: place.origin, field: place.field === "" ? segment : `${place.field}${segment.startsWith("[") ? "" : "."}${segment}` };
}

export function diffSchema(ctx: SchemaDiffContext, direction: Direction, place: Place, base: Located, head: Located): void {
  const before = viewSchema(ctx.base, base);
  const after = viewSchema(ctx.head, head);
  const key = `${direction}|${before.pointer}|${after.pointer}`;
  if (ctx.visited.has(key)) return;
  ctx.visited.add(key);
  const report = (id: string, message: string, values: { before?: unknown; after?: unknown } = {}, pointer = after.pointer) =>
    ctx.collector.report(ctx.scope, id, { pointer, message, ...values });
  const where = describePlace(place);

  compareDescription(before, after, where, report);
  compareNullability(direction, before, after, where, report);
  // A plain schema facing a union is compared as a union of one (itself): the
  // variant pairing compares its keywords with the matching variant's.
  if (!before.variants !== !after.variants) {
    compareVariants(ctx, direction, place, before, after, report);
    return;
  }
  compareConst(before, after, where, report);
  compareTypes(direction, before, after, where, report);
  compareEnum(direction, before, after, where, report);
  compareKeyword(direction, "format", before, after, where, report);
  compareKeyword(direction, "default", before, after, where, report);
  compareBounds(direction, before, after, where, report);
  comparePattern(direction, before, after, where, report);
  compareDiscriminator(before, after, where, report);
  compareVariants(ctx, direction, place, before, after, report);
  compareProperties(ctx, direction, place, before, after, report);
  if (before.items && after.items) diffSchema(ctx, direction, child(place, "[]"), before.items, after.items);
  if (before.additionalProperties && after.additionalProperties) {
    diffSchema(ctx, direction, child(place, "{*}"), before.additionalProperties, after.additionalProperties);
  }
}

export type Report = (id: string, message: string, values?: { before?: unknown; after?: unknown }, pointer?: string) => void;

function compareDescription(before: SchemaView, after: SchemaView, where: string, report: Report): void {
  for (const keyword of ["description", "title"] as const) {
    const old = before.keywords[keyword];
    const now = after.keywords[keyword];
    if (old !== now) report("description-changed", `${keyword} of ${where} changed`, { before: old, after: now });
  }
}

function compareNullability(direction: Direction, before: SchemaView, after: SchemaView, where: string, report: Report): void {
  if (before.nullable === after.nullable) return;
  const id = `${direction}-became-${after.nullable ? "nullable" : "non-nullable"}`;
  report(id, `${where} ${after.nullable ? "can now be null" : "can no longer be null"}`, {
    before: { nullable: before.nullable },
    after: { nullable: after.nullable },
  });
}

function compareConst(before: SchemaView, after: SchemaView, where: string, report: Report): void {
  if (!before.hasConst && !after.hasConst) return;
  if (before.hasConst && after.hasConst && sameJson(before.constValue, after.constValue)) return;
  const show = (view: SchemaView) => (view.hasConst ? JSON.stringify(view.constValue) : "(no const)");
  report("const-changed", `const of ${where}: ${show(before)} → ${show(after)}`, {
    before: before.hasConst ? before.constValue : undefined,
    after: after.hasConst ? after.constValue : undefined,
  });
}

/** `integer` is a subset of `number`. */
function covers(types: readonly string[], type: string): boolean {
  return types.includes(type) || (type === "integer" && types.includes("number"));
}

function compareTypes(direction: Direction, before: SchemaView, after: SchemaView, where: string, report: Report): void {
  const old = before.types;
  const now = after.types;
  // A type only on one side of a union-vs-plain pair is judged by the variant rules.
  if (old === undefined && now === undefined) return;
  if (old !== undefined && now !== undefined && sameJson(old, now)) return;
  if ((old === undefined && before.variants) || (now === undefined && after.variants)) return;
  const widened = now === undefined || (old !== undefined && old.every((type) => covers(now, type)));
  const narrowed = old === undefined || (now !== undefined && now.every((type) => covers(old, type)));
  const kind = widened ? "widened" : narrowed ? "narrowed" : "changed";
  const show = (types: readonly string[] | undefined) => (types === undefined ? "any" : types.join(" | "));
  report(`${direction}-type-${kind}`, `type of ${where}: ${show(old)} → ${show(now)}`, { before: old, after: now });
}

function compareEnum(direction: Direction, before: SchemaView, after: SchemaView, where: string, report: Report): void {
  const old = before.enumValues;
  const now = after.enumValues;
  if (old === undefined && now === undefined) return;
  if (old === undefined || now === undefined) {
    const id = `${direction}-enum-${now ? "added" : "removed"}`;
    report(id, now ? `${where} is now restricted to ${now.length} value(s)` : `${where} is no longer restricted to an enum`, {
      before: old,
      after: now,
    });
    return;
  }
  const has = (list: readonly unknown[], value: unknown) => list.some((item) => sameJson(item, value));
  for (const value of old.filter((item) => !has(now, item))) {
    report(`${direction}-enum-value-removed`, `${where}: enum value ${JSON.stringify(value)} removed`, { before: old, after: now });
  }
  for (const value of now.filter((item) => !has(old, item))) {
    report(`${direction}-enum-value-added`, `${where}: enum value ${JSON.stringify(value)} added`, { before: old, after: now });
  }
}

function compareKeyword(
  direction: Direction,
  keyword: "format" | "default",
  before: SchemaView,
  after: SchemaView,
  where: string,
  report: Report,
): void {
  const old = before.keywords[keyword];
  const now = after.keywords[keyword];
  if (sameJson(old ?? null, now ?? null) && (old === undefined) === (now === undefined)) return;
  const show = (value: unknown) => (value === undefined ? "(none)" : JSON.stringify(value));
  report(`${direction}-${keyword}-changed`, `${keyword} of ${where}: ${show(old)} → ${show(now)}`, { before: old, after: now });
}

function compareDiscriminator(before: SchemaView, after: SchemaView, where: string, report: Report): void {
  const old = before.keywords.discriminator;
  const now = after.keywords.discriminator;
  if (old === undefined && now === undefined) return;
  if (old !== undefined && now !== undefined && sameJson(old, now)) return;
  report("discriminator-changed", `discriminator of ${where} changed`, { before: old, after: now });
}

function compareVariants(
  ctx: SchemaDiffContext,
  direction: Direction,
  place: Place,
  before: SchemaView,
  after: SchemaView,
  report: Report,
): void {
  if (!before.variants && !after.variants) return;
  // A plain schema facing a union is a union of one: itself.
  const old = before.variants ?? [{ schema: { $ref: `#${before.pointer}` }, pointer: before.pointer }];
  const now = after.variants ?? [{ schema: { $ref: `#${after.pointer}` }, pointer: after.pointer }];
  const { pairs, removed, added } = matchVariants(ctx.base, old, ctx.head, now);
  const where = describePlace(place);
  for (const variant of removed) {
    report(`${direction}-union-variant-removed`, `variant ${variant.label} removed from ${where}`, { before: variant.summary }, variant.located.pointer);
  }
  for (const variant of added) {
    report(`${direction}-union-variant-added`, `variant ${variant.label} added to ${where}`, { after: variant.summary }, variant.located.pointer);
  }
  for (const [left, right] of pairs) {
    if (left.pointer === before.pointer && right.pointer === after.pointer) continue;
    diffSchema(ctx, direction, place, left, right);
  }
}

function compareProperties(
  ctx: SchemaDiffContext,
  direction: Direction,
  place: Place,
  before: SchemaView,
  after: SchemaView,
  report: Report,
): void {
  // Users never send readOnly properties nor receive writeOnly ones.
  const ignored = direction === "request" ? "readOnly" : "writeOnly";
  const visible = (view: SchemaView, side: Side) =>
    new Map(
      [...view.properties].filter(([, located]) => viewSchema(side, located).keywords[ignored] !== true),
    );
  const old = visible(before, ctx.base);
  const now = visible(after, ctx.head);
  for (const [name, located] of now) {
    const field = child(place, name);
    const previous = old.get(name);
    const required = after.required.has(name);
    if (!previous) {
      const id = direction === "response" ? "response-property-added" : `request-property-added-${required ? "required" : "optional"}`;
      const kind = direction === "response" ? "property" : `${required ? "required" : "optional"} property`;
      report(id, `${kind} \`${field.field}\` added to the ${place.origin}`, { after: located.schema }, located.pointer);
      continue;
    }
    const wasRequired = before.required.has(name);
    if (wasRequired !== required) {
      report(
        `${direction}-property-became-${required ? "required" : "optional"}`,
        `${describePlace(field)} became ${required ? "required" : "optional"}`,
        { before: { required: wasRequired }, after: { required } },
        located.pointer,
      );
    }
    diffSchema(ctx, direction, field, previous, located);
  }
  for (const [name, located] of old) {
    if (now.has(name)) continue;
    report(`${direction}-property-removed`, `property \`${child(place, name).field}\` removed from the ${place.origin}`, { before: located.schema }, located.pointer);
  }
}
