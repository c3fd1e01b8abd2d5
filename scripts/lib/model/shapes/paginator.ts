/**
 * Paginated operations: the success response is an object with a `data`
 * array and a `pagination` object carrying `hasMore` and `nextCursor`, and the
 * request takes a cursor (a query parameter, else a body property) named
 * `cursor` (or, failing that, the one input whose name ends in "cursor").
 */
import type { PaginatorDescriptor } from "../../../../src/core/operation";
import { arrayView, objectView, type Located, type SchemaContext } from "../schema-view";
import type { ParameterModel } from "../types";

export function isPageResponse(context: SchemaContext, response: Located): boolean {
  const page = objectView(context, response);
  const data = page.properties.get("data");
  const pagination = page.properties.get("pagination");
  if (!data || !pagination || !arrayView(context, data)) return false;
  const links = objectView(context, pagination).properties;
  return links.has("hasMore") && links.has("nextCursor");
}

function pickCursor(names: readonly string[]): string | undefined {
  if (names.includes("cursor")) return "cursor";
  const candidates = names.filter((name) => /cursor$/i.test(name));
  return candidates.length === 1 ? candidates[0] : undefined;
}

export function detectPaginator(
  context: SchemaContext,
  response: Located | undefined,
  parameters: readonly ParameterModel[],
  requestBody: Located | undefined,
): PaginatorDescriptor | undefined {
  if (!response || !isPageResponse(context, response)) return undefined;
  const inQuery = pickCursor(parameters.filter((parameter) => parameter.in === "query").map(({ name }) => name));
  if (inQuery !== undefined) return { cursorIn: "query", cursorName: inQuery };
  const inBody = requestBody ? pickCursor([...objectView(context, requestBody).properties.keys()]) : undefined;
  return inBody !== undefined ? { cursorIn: "body", cursorName: inBody } : undefined;
}

