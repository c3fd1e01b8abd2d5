/**
 * `anyOf` and `oneOf` give the same TypeScript union, but on the wire `oneOf`
 * rejects a value that matches several variants. A union becoming `oneOf`
 * (from `anyOf`, or a plain schema wrapped into one) therefore breaks
 * requests whose values match two overlapping variants; a response union
 * becoming `anyOf` may now carry such values. Two variants are disjoint when
 * their types cannot meet, or their constants/enums differ, or a property
 * both require has disjoint constants (a discriminant).
 */
import { sameJson } from "../spec/normalize";
import { viewSchema, type SchemaAt, type SchemaView } from "../model/schema";
import type { SchemaPair, Side } from "./diff-schema";

export function compareUnionKind({ direction, before, after, ctx, where, report }: SchemaPair): void {
  const old = before.variants ? before.unionKind : undefined;
  const now = after.variants ? after.unionKind : undefined;
  if (old === now) return;
  const values = { before: old ?? "(no union)", after: now ?? "(no union)" };
  if (now === "oneOf") {
    if (direction === "response") {
      if (old === "anyOf") report("response-union-became-exclusive", `${where} became oneOf (was anyOf)`, values);
    } else if (overlapping(ctx.head, after.variants!)) {
      report("request-union-became-exclusive", `${where} became oneOf with overlapping variants: a value matching several is rejected`, values);
    }
  } else if (old === "oneOf" && now === "anyOf") {
    if (direction === "request") report("request-union-became-inclusive", `${where} became anyOf (was oneOf)`, values);
    else if (overlapping(ctx.head, after.variants!)) report("response-union-became-inclusive", `${where} became anyOf with overlapping variants`, values);
  }
}

function overlapping(side: Side, variants: readonly SchemaAt[]): boolean {
  const views = variants.map((variant) => viewSchema(side, variant));
  return views.some((left, index) => views.slice(index + 1).some((right) => !disjoint(side, left, right)));
}

function disjoint(side: Side, left: SchemaView, right: SchemaView): boolean {
  if (left.types && right.types && !left.types.some((type) => right.types!.some((other) => meet(type, other)))) return true;
  if (valuesDisjoint(left, right)) return true;
  for (const name of left.required) {
    if (!right.required.has(name)) continue;
    const a = left.properties.get(name);
    const b = right.properties.get(name);
    if (a && b && valuesDisjoint(viewSchema(side, a), viewSchema(side, b))) return true;
  }
  return false;
}

function meet(type: string, other: string): boolean {
  return type === other || (type === "integer" && other === "number") || (type === "number" && other === "integer");
}

/** The values a schema pins (`const` or `enum`), if it pins any. */
function pinned(view: SchemaView): readonly unknown[] | undefined {
  return view.hasConst ? [view.constValue] : view.enumValues;
}

function valuesDisjoint(left: SchemaView, right: SchemaView): boolean {
  const a = pinned(left);
  const b = pinned(right);
  return a !== undefined && b !== undefined && !a.some((value) => b.some((other) => sameJson(value, other)));
}
