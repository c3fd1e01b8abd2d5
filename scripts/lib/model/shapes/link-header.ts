/**
 * The Link-header convention (paginator.ts, 4; GitHub): the success response
 * declares a `Link` header (RFC 8288, `<…>; rel="next"`) and the operation
 * takes a query parameter the next link can set (`page`, `cursor`, `after`,
 * `since`…). The runtime sends the next link's query parameters to the same
 * operation. Items: the page itself when it is an array, else its one array.
 */
import type { PaginatorDescriptor } from "../../../../src/core/operation";
import type { SchemaContext } from "../schema-view";
import { findInput, itemsPathOf } from "./page-parts";
import type { PaginatorInputs } from "./paginator";

/** Query parameters a next link advances, most specific first. */
const PAGING_PARAMETERS = ["cursor", "after", "pagetoken", "page", "since", "offset", "marker"];

export function detectLinkHeaderPaginator(context: SchemaContext, inputs: PaginatorInputs): PaginatorDescriptor | undefined {
  if (!inputs.responseHeaders.includes("link") || !inputs.response || inputs.response.value === undefined) return undefined;
  const input = findInput(context, inputs.parameters, undefined, PAGING_PARAMETERS);
  const itemsPath = itemsPathOf(context, inputs.response);
  if (!input || itemsPath === undefined) return undefined;
  return { ...input, itemsPath, next: { from: "linkHeader" } };
}
