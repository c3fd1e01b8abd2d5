/**
 * Compares two schemas in one direction. What breaks depends on who produces
 * the data: users produce requests (anything the server stops accepting
 * breaks), the server produces responses (anything users may now receive
 * that they could not before breaks or warns). Both sides are read by the
 * model's schema reader (`scripts/lib/model/schema`). Each pair of resolved
 * schemas is compared once per operation and direction, which keeps any
 * cyclic schema graph finite.
 */
import { sameJson } from "../spec/normalize";
import type { Located, SchemaContext } from "../model/schema-view";
import { viewSchema, type SchemaAt, type SchemaView } from "../model/schema";
import type { Direction, OperationRefLike } from "./change";
import type { ChangeCollector } from "./collector";
import { compareValueKeywords } from "./diff-bounds";
import { compareSubschemas } from "./diff-subschemas";
import { compareUnclassified } from "./diff-unclassified";
import { compareUnionKind } from "./union-overlap";
import { matchVariants } from "./match-variants";
import { kebab } from "./rules";

/** One side of the comparison: the document and its name for messages. */
export type Side = SchemaContext;

export interface SchemaDiffContext {
  readonly base: Side;
  readonly head: Side;
  readonly scope: OperationRefLike;
  readonly collector: ChangeCollector;
  /** `direction|baseKey|headKey` of the pairs already compared for this operation. */
  readonly visited: Set<string>;
  /** Sandbox comparisons in progress (see `judge`), so that cycles through them end. */
  readonly judging?: ReadonlySet<string>;
  /** Comparisons waiting to run: nested schemas are queued, not recursed into, so depth costs no call stack. */
  readonly pending?: (() => void)[];
}

/** Where a schema sits, for messages: `origin` ("request body", "200 response", "query parameter `limit`") and a field path. */
export interface Place {
  readonly origin: string;
  readonly field: string;
}

export function describePlace({ origin, field }: Place): string {
  return field === "" ? `the ${origin}` : `\`${field}\` in the ${origin}`;
}

export function childPlace(place: Place, segment: string): Place {
  return { origin: place.origin, field: place.field === "" ? segment : `${place.field}${segment.startsWith("[") ? "" : "."}${segment}` };
}

export type Report = (id: string, message: string, values?: { before?: unknown; after?: unknown }, pointer?: string) => void;

/** What the keyword comparators get: both views, the direction, how to report and where. */
export interface SchemaPair {
  readonly ctx: SchemaDiffContext;
  readonly direction: Direction;
  readonly place: Place;
  readonly before: SchemaView;
  readonly after: SchemaView;
  readonly where: string;
  readonly report: Report;
}

/** Compares two schemas and everything nested in them (queued on `ctx.pending` when a comparison is already running). */
export function diffSchema(ctx: SchemaDiffContext, direction: Direction, place: Place, base: SchemaAt, head: SchemaAt): void {
  if (ctx.pending) {
    ctx.pending.push(() => compareSchemas(ctx, direction, place, base, head));
    return;
  }
  const pending: (() => void)[] = [];
  const running = { ...ctx, pending };
  pending.push(() => compareSchemas(running, direction, place, base, head));
  while (pending.length > 0) pending.pop()!();
}

function compareSchemas(ctx: SchemaDiffContext, direction: Direction, place: Place, base: SchemaAt, head: SchemaAt): void {
  const before = viewSchema(ctx.base, base);
  const after = viewSchema(ctx.head, head);
  const key = `${direction}|${before.key}|${after.key}`;
  if (ctx.visited.has(key)) return;
  ctx.visited.add(key);
  const report: Report = (id, message, values = {}, pointer = after.pointer) => ctx.collector.report(ctx.scope, id, { pointer, message, ...values });
  const pair: SchemaPair = { ctx, direction, place, before, after, where: describePlace(place), report };

  compareDescription(pair);
  compareNullability(pair);
  compareUnionKind(pair);
  // A plain schema facing a union is compared as a union of one (itself): the
  // variant pairing compares its keywords with the matching variant's.
  if (!before.variants !== !after.variants) {
    compareVariants(pair);
    return;
  }
  compareConst(pair);
  compareTypes(pair);
  compareEnum(pair);
  compareValueKeywords(pair);
  compareDiscriminator(pair);
  compareVariants(pair);
  compareProperties(pair);
  compareArrays(pair);
  compareSubschemas(pair);
  compareUnclassified(pair);
}

function compareDescription({ before, after, where, report }: SchemaPair): void {
  for (const keyword of ["description", "title"] as const) {
    const old = before.keywords[keyword];
    const now = after.keywords[keyword];
    if (old !== now) report("description-changed", `${keyword} of ${where} changed`, { before: old, after: now });
  }
}

function compareNullability({ direction, before, after, where, report }: SchemaPair): void {
  if (before.nullable === after.nullable) return;
  const id = `${direction}-became-${after.nullable ? "nullable" : "non-nullable"}`;
  report(id, `${where} ${after.nullable ? "can now be null" : "can no longer be null"}`, {
    before: { nullable: before.nullable },
    after: { nullable: after.nullable },
  });
}

function compareConst({ direction, before, after, where, report }: SchemaPair): void {
  if (!before.hasConst && !after.hasConst) return;
  if (before.hasConst && after.hasConst && sameJson(before.constValue, after.constValue)) return;
  const show = (view: SchemaView) => (view.hasConst ? JSON.stringify(view.constValue) : "(no const)");
  const id = before.hasConst && after.hasConst ? "const-changed" : `${direction}-const-${after.hasConst ? "added" : "removed"}`;
  report(id, `const of ${where}: ${show(before)} → ${show(after)}`, {
    before: before.hasConst ? before.constValue : undefined,
    after: after.hasConst ? after.constValue : undefined,
  });
}

/** `integer` is a subset of `number`. */
function covers(types: readonly string[], type: string): boolean {
  return types.includes(type) || (type === "integer" && types.includes("number"));
}

function compareTypes({ direction, before, after, where, report }: SchemaPair): void {
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
  const id = kind !== "changed" && sameTypeScriptTypes(old, now) ? `${direction}-type-${kind}-to-${widened ? "number" : "integer"}` : `${direction}-type-${kind}`;
  report(id, `type of ${where}: ${show(old)} → ${show(now)}`, { before: old, after: now });
}

/** `integer` and `number` both generate `number`: types that differ only there generate the same TypeScript type. */
function sameTypeScriptTypes(old: readonly string[] | undefined, now: readonly string[] | undefined): boolean {
  if (old === undefined || now === undefined) return false;
  const generated = (types: readonly string[]) => [...new Set(types.map((type) => (type === "integer" ? "number" : type)))].sort();
  return sameJson(generated(old), generated(now));
}

function compareEnum({ direction, before, after, where, report }: SchemaPair): void {
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

/**
 * openapi-typescript pins each variant's discriminator property to the
 * variant's name: when every variant already pins it to a constant, adding
 * or removing the discriminator leaves the types (and validation) as they are.
 */
function compareDiscriminator({ ctx, direction, before, after, where, report }: SchemaPair): void {
  const old = before.keywords.discriminator;
  const now = after.keywords.discriminator;
  if (old === undefined && now === undefined) return;
  if (old !== undefined && now !== undefined && sameJson(old, now)) return;
  const present = (now ?? old) as { propertyName?: unknown };
  const view = now === undefined ? before : after;
  const pinned = old === undefined || now === undefined ? pinsDiscriminator(now === undefined ? ctx.base : ctx.head, view, present.propertyName) : false;
  const id = pinned
    ? "discriminator-added-types-unchanged"
    : old === undefined
      ? `${direction}-discriminator-added`
      : now === undefined
        ? `${direction}-discriminator-removed`
        : "discriminator-changed";
  report(id, `discriminator of ${where} ${old === undefined ? "added" : now === undefined ? "removed" : "changed"}`, { before: old, after: now });
}

function pinsDiscriminator(side: Side, view: SchemaView, propertyName: unknown): boolean {
  if (typeof propertyName !== "string" || !view.variants || view.variants.length === 0) return false;
  return view.variants.every((variant) => {
    const property = viewSchema(side, variant).properties.get(propertyName);
    if (!property) return false;
    const pinned = viewSchema(side, property);
    return pinned.hasConst || pinned.enumValues?.length === 1;
  });
}

function compareVariants({ ctx, direction, place, before, after, where, report }: SchemaPair): void {
  if (!before.variants && !after.variants) return;
  // A plain schema facing a union is a union of one: itself.
  const old = before.variants ?? [{ value: { $ref: `#${before.pointer}` }, pointer: before.pointer }];
  const now = after.variants ?? [{ value: { $ref: `#${after.pointer}` }, pointer: after.pointer }];
  const { pairs, removed, added } = matchVariants(ctx.base, old, ctx.head, now);
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

/**
 * Users never send readOnly properties nor receive writeOnly ones: such a
 * property is compared only for becoming (or ceasing to be) one. The
 * generated types keep it either way (readOnly as a `readonly` modifier).
 */
function compareProperties({ ctx, direction, place, before, after, report }: SchemaPair): void {
  const flag = direction === "request" ? "readOnly" : "writeOnly";
  const hidden = (side: Side, located: Located) => viewSchema(side, located).keywords[flag] === true;
  const names = [...new Set([...after.properties.keys(), ...before.properties.keys()])];
  for (const name of names) {
    const previous = before.properties.get(name);
    const current = after.properties.get(name);
    const field = childPlace(place, name);
    const wasHidden = previous !== undefined && hidden(ctx.base, previous);
    const isHidden = current !== undefined && hidden(ctx.head, current);
    if (previous && current && (wasHidden || isHidden)) {
      if (wasHidden !== isHidden) {
        report(`${direction}-${kebab(flag)}-${isHidden ? "added" : "removed"}`, `${describePlace(field)} ${isHidden ? "became" : "is no longer"} ${flag}`, {
          before: { [flag]: wasHidden },
          after: { [flag]: isHidden },
        }, current.pointer);
      }
      continue;
    }
    if (current && !previous) {
      if (isHidden) {
        report(`${direction}-${kebab(flag)}-property-added`, `${flag} property \`${field.field}\` added to the ${place.origin}`, { after: current.value }, current.pointer);
        continue;
      }
      const required = after.required.has(name);
      const id = direction === "response" ? "response-property-added" : `request-property-added-${required ? "required" : "optional"}`;
      const kind = direction === "response" ? "property" : `${required ? "required" : "optional"} property`;
      report(id, `${kind} \`${field.field}\` added to the ${place.origin}`, { after: current.value }, current.pointer);
      continue;
    }
    if (previous && !current) {
      const id = wasHidden ? `${direction}-${kebab(flag)}-property-removed` : `${direction}-property-removed`;
      report(id, `${wasHidden ? `${flag} property` : "property"} \`${field.field}\` removed from the ${place.origin}`, { before: previous.value }, previous.pointer);
      continue;
    }
    const wasRequired = before.required.has(name);
    const required = after.required.has(name);
    if (wasRequired !== required) {
      report(
        `${direction}-property-became-${required ? "required" : "optional"}`,
        `${describePlace(field)} became ${required ? "required" : "optional"}`,
        { before: { required: wasRequired }, after: { required } },
        current!.pointer,
      );
    }
    diffSchema(ctx, direction, field, previous!, current!);
  }
  // `required` may name properties the schema does not define (a `then` branch, a bare `required`).
  for (const name of [...after.required, ...before.required]) {
    if (after.properties.has(name) || before.properties.has(name) || after.required.has(name) === before.required.has(name)) continue;
    const required = after.required.has(name);
    report(`${direction}-property-became-${required ? "required" : "optional"}`, `${describePlace(childPlace(place, name))} became ${required ? "required" : "optional"}`, {
      before: { required: !required },
      after: { required },
    });
  }
}

/**
 * `items`, and `prefixItems` (a tuple in the generated types, with an exact
 * length, so any change of its length changes the types both ways). Next to
 * `prefixItems`, `items` only constrains the extra positions and is wire-only
 * (compared with the other subschema keywords).
 */
function compareArrays({ ctx, direction, place, before, after, report, where }: SchemaPair): void {
  const old = before.prefixItems;
  const now = after.prefixItems;
  if (!old && !now) {
    if (before.items && after.items) diffSchema(ctx, direction, childPlace(place, "[]"), before.items, after.items);
    return;
  }
  if (!old || !now) {
    report(`${direction}-prefix-items-${now ? "added" : "removed"}`, `${where} ${now ? "became a tuple (prefixItems)" : "is no longer a tuple (prefixItems)"}`, {
      before: old?.length,
      after: now?.length,
    });
    return;
  }
  for (let index = 0; index < Math.max(old.length, now.length); index++) {
    const left = old[index];
    const right = now[index];
    if (left && right) diffSchema(ctx, direction, childPlace(place, `[${index}]`), left, right);
    else if (right) report(`${direction}-prefix-item-added`, `tuple item ${index} added to ${where}`, { after: right.value }, right.pointer);
    else report(`${direction}-prefix-item-removed`, `tuple item ${index} removed from ${where}`, { before: left!.value }, left!.pointer);
  }
}
