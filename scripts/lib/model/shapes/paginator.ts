/**
 * Paginated operations, found structurally by convention. Each convention
 * needs both halves: a page that names its successor AND a request input the
 * cursor goes into. A list without a way to ask for the next page gets no
 * paginator (zero false positives). Tried in order:
 *
 * 1. ARTU: `{ data: [], pagination: { hasMore, nextCursor } }` and an input
 *    named `cursor` (or the one input whose name ends in "cursor"). Its
 *    descriptor stays `{ cursorIn, cursorName }` (the runtime's defaults).
 * 2. Last item's id (Stripe): a boolean `has_more`, a `data` array of items
 *    with an `id`, and `starting_after` (`ending_before` pages backwards).
 * 3. Next token in the body (page-token.ts): `nextPageToken` → `pageToken`,
 *    `NextToken` → `NextToken`, `next_cursor` → `cursor`, at the top level or
 *    one object down (Slack's `response_metadata.next_cursor`).
 * 4. `Link: <…>; rel="next"` (link-header.ts): the success response declares
 *    a Link header and the operation takes a paging query parameter.
 */
import type { PaginatorDescriptor } from "../../../../src/core/operation";
import { arrayView, isBooleanSchema, objectView, type Located, type SchemaContext } from "../schema-view";
import type { ParameterModel } from "../types";
import { detectLinkHeaderPaginator } from "./link-header";
import { findInput, normalizedName, propertiesOf } from "./page-parts";
import { detectPageTokenPaginator } from "./page-token";

export interface PaginatorInputs {
  readonly response: Located | undefined;
  /** Lowercased header names the success response declares. */
  readonly responseHeaders: readonly string[];
  readonly parameters: readonly ParameterModel[];
  readonly requestBody: Located | undefined;
}

export function detectPaginator(context: SchemaContext, inputs: PaginatorInputs): PaginatorDescriptor | undefined {
  const { response } = inputs;
  if (response && response.value !== undefined) {
    const found = artuPaginator(context, response, inputs) ?? lastItemPaginator(context, response, inputs) ?? detectPageTokenPaginator(context, response, inputs);
    if (found) return found;
  }
  return detectLinkHeaderPaginator(context, inputs);
}

/** ARTU's page: `{ data: [], pagination: { hasMore, nextCursor } }` (the emulator answers lists in it too). */
export function isPageResponse(context: SchemaContext, response: Located): boolean {
  const page = objectView(context, response);
  const data = page.properties.get("data");
  const pagination = page.properties.get("pagination");
  if (!data || !pagination || !arrayView(context, data)) return false;
  const links = objectView(context, pagination).properties;
  return links.has("hasMore") && links.has("nextCursor");
}

function artuPaginator(context: SchemaContext, response: Located, inputs: PaginatorInputs): PaginatorDescriptor | undefined {
  if (!isPageResponse(context, response)) return undefined;
  const exact = findInput(context, inputs.parameters, inputs.requestBody, ["cursor"]);
  return exact ?? endsInCursor(context, inputs);
}

/** The one input whose name ends in "cursor" (query first, then body). */
function endsInCursor(context: SchemaContext, inputs: PaginatorInputs): PaginatorDescriptor | undefined {
  const pick = (names: readonly string[]) => {
    const found = names.filter((name) => /cursor$/i.test(name));
    return found.length === 1 ? found[0] : undefined;
  };
  const inQuery = pick(inputs.parameters.filter((parameter) => parameter.in === "query").map(({ name }) => name));
  if (inQuery !== undefined) return { cursorIn: "query", cursorName: inQuery };
  const inBody = inputs.requestBody ? pick([...objectView(context, inputs.requestBody).properties.keys()]) : undefined;
  return inBody !== undefined ? { cursorIn: "body", cursorName: inBody } : undefined;
}

function lastItemPaginator(context: SchemaContext, response: Located, inputs: PaginatorInputs): PaginatorDescriptor | undefined {
  const page = propertiesOf(context, response);
  const hasMore = [...page].find(([name, schema]) => normalizedName(name) === "hasmore" && isBooleanSchema(context, schema));
  const data = page.get("data");
  const items = data && arrayView(context, data);
  if (!hasMore || !items || !propertiesOf(context, items.items).has("id")) return undefined;
  const input = findInput(context, inputs.parameters, inputs.requestBody, ["startingafter"]);
  if (!input) return undefined;
  const reverse = findInput(context, inputs.parameters, inputs.requestBody, ["endingbefore"]);
  return {
    ...input,
    itemsPath: ["data"],
    next: { from: "lastItem", field: "id", ...(reverse?.cursorIn === input.cursorIn ? { reverseName: reverse.cursorName } : {}) },
    hasMorePath: [hasMore[0]],
  };
}
