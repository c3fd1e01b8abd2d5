/**
 * The emulator's schema walkers read the spec through the one schema reader
 * (`viewSchema`, scripts/lib/model/schema): `$ref`s, `allOf` merged (every
 * member's definitions and bounds apply), `anyOf`/`oneOf` members, null
 * variants as nullability. A schema the reader refuses (a dangling or
 * external `$ref`) gives no view: the walkers then leave the value to Ajv.
 */
import type { Located, SchemaContext } from "../../scripts/lib/model/schema-view";
import { viewSchema, type SchemaView } from "../../scripts/lib/model/schema";

const MAX_UNION_DEPTH = 16;

export function viewOf(context: SchemaContext, located: Located): SchemaView | undefined {
  try {
    return viewSchema(context, located);
  } catch {
    return undefined;
  }
}

/** The view and the views of its `anyOf`/`oneOf` members (recursively): every place a member of the value may be described. */
export function alternativeViews(context: SchemaContext, located: Located): SchemaView[] | undefined {
  const top = viewOf(context, located);
  if (!top) return undefined;
  const views: SchemaView[] = [];
  const seen = new Set<string>();
  const visit = (view: SchemaView, depth: number): boolean => {
    if (seen.has(view.key)) return true;
    seen.add(view.key);
    views.push(view);
    if (depth >= MAX_UNION_DEPTH) return true;
    for (const variant of view.variants ?? []) {
      const member = viewOf(context, variant);
      if (!member || !visit(member, depth + 1)) return false;
    }
    return true;
  };
  return visit(top, 0) ? views : undefined;
}
