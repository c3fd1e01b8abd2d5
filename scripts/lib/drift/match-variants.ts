/**
 * Pairs the variants of two unions (`anyOf`/`oneOf`): first by `$ref`
 * target, then by discriminant (a property with a `const`, e.g.
 * `status: "completed"`), then the remaining ones by position. What is left
 * unpaired was removed (base) or added (head).
 */
import type { Located } from "../model/schema-view";
import { viewSchema } from "../model/schema";
import type { Side } from "./diff-schema";

export interface Variant {
  readonly located: Located;
  /** How the report names it: `Client`, `status = "blocked"`, `#2 (object)`. */
  readonly label: string;
  readonly summary: unknown;
  readonly key: string | undefined;
  /** Names of the discriminant properties (`status`), when the variant is keyed by them. */
  readonly discriminants?: string;
}

export interface VariantMatch {
  readonly pairs: [Located, Located][];
  readonly removed: Variant[];
  readonly added: Variant[];
}

function describe(side: Side, located: Located, index: number): Variant {
  const ref = (located.value as { $ref?: unknown } | null)?.$ref;
  if (typeof ref === "string" && ref.startsWith("#/components/")) {
    const name = ref.split("/").pop()!;
    return { located, label: `\`${name}\``, summary: { $ref: ref }, key: `ref:${ref}` };
  }
  const view = viewSchema(side, located);
  const discriminants = [...view.properties.entries()]
    .map(([name, property]) => [name, viewSchema(side, property)] as const)
    .filter(([, property]) => property.hasConst || property.enumValues?.length === 1)
    .map(([name, property]) => [name, property.hasConst ? property.constValue : property.enumValues![0]] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (discriminants.length > 0) {
    const text = discriminants.map(([name, value]) => `${name} = ${JSON.stringify(value)}`).join(", ");
    return {
      located,
      label: `\`${text}\``,
      summary: Object.fromEntries(discriminants),
      key: `const:${JSON.stringify(discriminants)}`,
      discriminants: discriminants.map(([name]) => name).join(","),
    };
  }
  if (view.hasConst) {
    return { located, label: `\`${JSON.stringify(view.constValue)}\``, summary: { const: view.constValue }, key: `value:${JSON.stringify(view.constValue)}` };
  }
  const type = view.types?.join(" | ") ?? "any";
  return { located, label: `#${index + 1} (${type})`, summary: { type: view.types }, key: undefined };
}

export function matchVariants(baseSide: Side, base: readonly Located[], headSide: Side, head: readonly Located[]): VariantMatch {
  const left = base.map((located, index) => describe(baseSide, located, index));
  const right = head.map((located, index) => describe(headSide, located, index));
  const pairs: [Located, Located][] = [];
  const usedRight = new Set<number>();
  const unpairedLeft: Variant[] = [];
  for (const variant of left) {
    const match = right.findIndex((other, index) => !usedRight.has(index) && variant.key !== undefined && other.key === variant.key);
    if (match >= 0) {
      usedRight.add(match);
      pairs.push([variant.located, right[match]!.located]);
    } else unpairedLeft.push(variant);
  }
  // A variant whose discriminant value changed (`status: "blocked"` → `"rejected"`) pairs with a
  // leftover variant discriminated by the same properties, so the change reads as a `const` change.
  const stillUnpaired: Variant[] = [];
  for (const variant of unpairedLeft) {
    const match = right.findIndex(
      (other, index) => !usedRight.has(index) && variant.discriminants !== undefined && other.discriminants === variant.discriminants,
    );
    if (match >= 0) {
      usedRight.add(match);
      pairs.push([variant.located, right[match]!.located]);
    } else stillUnpaired.push(variant);
  }
  // Keyed variants only pair by key; unkeyed ones pair by position with unkeyed ones.
  const removed: Variant[] = [];
  const freeRight = right.map((variant, index) => ({ variant, index })).filter(({ variant, index }) => !usedRight.has(index) && variant.key === undefined);
  for (const variant of stillUnpaired) {
    const partner = variant.key === undefined ? freeRight.shift() : undefined;
    if (partner) {
      usedRight.add(partner.index);
      pairs.push([variant.located, partner.variant.located]);
    } else removed.push(variant);
  }
  const added = right.filter((_, index) => !usedRight.has(index));
  return { pairs, removed, added };
}

