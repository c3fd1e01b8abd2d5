/**
 * Cursor pagination for operations whose responses are
 * `{ data: Item[], pagination: { hasMore, nextCursor } }`: follow nextCursor
 * (into the query parameter or body property the paginator names) until
 * hasMore is false. Each page is an ordinary call, so retries, timeouts and
 * the caller's signal apply to every page.
 */
import type { PaginatorDescriptor } from "../core/operation";
import { ArtuError } from "./errors";

export type FetchPage = (params: Record<string, unknown> | undefined, body: unknown) => Promise<unknown>;

export async function* iteratePages(
  operationId: string,
  paginator: PaginatorDescriptor,
  params: Record<string, unknown> | undefined,
  body: unknown,
  fetchPage: FetchPage,
): AsyncGenerator<unknown, void, undefined> {
  const seen = new Set<string>();
  let nextParams = params;
  let nextBody = body;
  for (;;) {
    const page = await fetchPage(nextParams, nextBody);
    yield page;
    const pagination = isRecord(page) ? page.pagination : undefined;
    if (!isRecord(pagination) || pagination.hasMore !== true) return;
    const cursor = pagination.nextCursor;
    if (typeof cursor !== "string" || cursor === "") {
      throw new ArtuError(`${operationId}: a page says hasMore but has no nextCursor; stopping rather than returning a partial list`);
    }
    if (seen.has(cursor)) {
      throw new ArtuError(`${operationId}: the API returned cursor ${JSON.stringify(cursor)} twice; stopping to avoid an endless loop`);
    }
    seen.add(cursor);
    if (paginator.cursorIn === "query") nextParams = { ...nextParams, [paginator.cursorName]: cursor };
    else nextBody = { ...(isRecord(nextBody) ? nextBody : {}), [paginator.cursorName]: cursor };
  }
}

export async function* iterateItems(
  operationId: string,
  paginator: PaginatorDescriptor,
  params: Record<string, unknown> | undefined,
  body: unknown,
  fetchPage: FetchPage,
): AsyncGenerator<unknown, void, undefined> {
  for await (const page of iteratePages(operationId, paginator, params, body, fetchPage)) {
    const data = isRecord(page) ? page.data : undefined;
    if (!Array.isArray(data)) throw new ArtuError(`${operationId}: a page has no "data" array, so its items cannot be iterated`);
    yield* data;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
