/**
 * Discriminated results: the success response (after `$ref` resolution) is an
 * anyOf/oneOf of object members that all require one property holding a
 * string constant (`const`, or a single-value `enum`), distinct across the
 * members. Required, so that `Extract<Result, { status: "completed" }>` and
 * `value.status === …` type-check on the generated union. When several
 * properties qualify, `discriminator.propertyName` decides, else the first
 * in name order. Variant names must also make distinct type names and must not
 * be "unknown" (the match handlers' fallback key).
 */
import { variantPascal } from "../names";
import { objectView, resolveSchema, stringConstant, unionMembers, type Located, type SchemaContext } from "../schema-view";
import type { ResultNarrowingShape } from "../types";

const FALLBACK_HANDLER = "unknown";

export function detectNarrowing(context: SchemaContext, response: Located | undefined): ResultNarrowingShape | undefined {
  const schema = response && resolveSchema(context, response);
  if (!schema) return undefined;
  const members = unionMembers(context, schema);
  if (!members || members.length < 2) return undefined;
  const views = members.map((member) => objectView(context, member));
  if (!views.every((view) => view.isObject)) return undefined;

  const candidates = [...views[0]!.properties.keys()].sort().flatMap((name) => {
    const values = views.map((view) => {
      const property = view.properties.get(name);
      return property && view.required.has(name) ? stringConstant(context, property) : undefined;
    });
    if (values.some((value) => value === undefined)) return [];
    const variants = values as string[];
    return hasDistinctNames(variants) ? [{ discriminant: name, variants }] : [];
  });
  const declared = (schema.value.discriminator as { propertyName?: unknown } | undefined)?.propertyName;
  return candidates.find((candidate) => candidate.discriminant === declared) ?? candidates[0];
}

function hasDistinctNames(variants: readonly string[]): boolean {
  const names = variants.map(variantPascal);
  return (
    new Set(variants).size === variants.length &&
    new Set(names).size === names.length &&
    names.every((name) => name !== "") &&
    !variants.includes(FALLBACK_HANDLER)
  );
}
