/**
 * What every pagination convention looks for (paginator.ts): the request
 * input a cursor can go into, the array holding a page's items, and names
 * compared without case or separators (`next_cursor` = `nextCursor`).
 */
import { arrayView, objectView, resolveSchema, valueTypes, type Located, type SchemaContext } from "../schema-view";
import type { ParameterModel } from "../types";

/** "next_page_token", "NextPageToken", "next-page-token" → "nextpagetoken". */
export function normalizedName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, "");
}

export interface CursorInput {
  readonly cursorIn: "query" | "body";
  readonly cursorName: string;
}

/**
 * The request input whose normalized name is one of `wanted` (first match
 * in `wanted`'s order): a query parameter first, else a property of the
 * JSON request body.
 */
export function findInput(
  context: SchemaContext,
  parameters: readonly ParameterModel[],
  requestBody: Located | undefined,
  wanted: readonly string[],
): CursorInput | undefined {
  const query = parameters.filter((parameter) => parameter.in === "query").map(({ name }) => name);
  const inQuery = pickByName(query, wanted);
  if (inQuery !== undefined) return { cursorIn: "query", cursorName: inQuery };
  const inBody = requestBody ? pickByName([...objectView(context, requestBody).properties.keys()], wanted) : undefined;
  return inBody !== undefined ? { cursorIn: "body", cursorName: inBody } : undefined;
}

function pickByName(names: readonly string[], wanted: readonly string[]): string | undefined {
  for (const target of wanted) {
    const found = names.filter((name) => normalizedName(name) === target);
    if (found.length === 1) return found[0];
  }
  return undefined;
}

/** Array property names preferred when a page has several arrays. */
const ITEM_ARRAY_NAMES = ["data", "items", "results"];

/**
 * The property path of a page's item array: `[]` when the page is an array,
 * else its one array property (or the one named data/items/results among
 * several); undefined when there is none or it is ambiguous.
 */
export function itemsPathOf(context: SchemaContext, page: Located): string[] | undefined {
  if (!resolveSchema(context, page)) return undefined;
  if (valueTypes(context, page).includes("array")) return [];
  const arrays = [...objectView(context, page).properties].filter(([, property]) => arrayView(context, property)).map(([name]) => name);
  if (arrays.length === 1) return arrays;
  const preferred = ITEM_ARRAY_NAMES.filter((name) => arrays.includes(name));
  return preferred.length === 1 ? preferred : undefined;
}

/** The properties of an object schema (through $ref/allOf/anyOf), by name. */
export function propertiesOf(context: SchemaContext, located: Located): ReadonlyMap<string, Located> {
  return objectView(context, located).properties;
}

/** A string property (possibly nullable, through $ref). */
export function isStringSchema(context: SchemaContext, located: Located): boolean {
  return valueTypes(context, located).join() === "string";
}
