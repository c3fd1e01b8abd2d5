/**
 * Cursor pagination as the operation's PaginatorDescriptor describes it
 * (src/core/operation.ts): read the next cursor (a token in the page, the
 * last item's id, or the `Link: rel="next"` header), put it into the query
 * parameter or body property the paginator names, until the last page. Each
 * page is an ordinary call, so retries, timeouts and the caller's signal
 * apply to every page.
 *
 * A misbehaving server cannot make iteration endless or silently short: a
 * repeated cursor, a run of empty pages that say more follow, a "has more"
 * flag that is not a boolean, or more pages without a cursor are errors.
 */
import type { NextCursorSource, PaginatorDescriptor } from "../core/operation";
import { ArtuError } from "./errors";

/** One page: its parsed body and, when the paginator reads it, the response's `Link` header. */
export interface FetchedPage {
  readonly body: unknown;
  readonly link?: string | null;
}

export type FetchPage = (params: Record<string, unknown> | undefined, body: unknown) => Promise<FetchedPage>;

/** Consecutive empty pages that still say more follow before iteration gives up. */
export const MAX_EMPTY_PAGES = 5;

/** ARTU's convention, for the fields a descriptor leaves out. */
const DEFAULT_ITEMS_PATH: readonly string[] = ["data"];
const DEFAULT_NEXT: NextCursorSource = { from: "body", path: ["pagination", "nextCursor"] };
const DEFAULT_HAS_MORE_PATH: readonly string[] = ["pagination", "hasMore"];

interface Convention {
  readonly itemsPath: readonly string[];
  readonly next: NextCursorSource;
  readonly hasMorePath: readonly string[] | undefined;
}

function conventionOf(paginator: PaginatorDescriptor): Convention {
  return {
    itemsPath: paginator.itemsPath ?? DEFAULT_ITEMS_PATH,
    next: paginator.next ?? DEFAULT_NEXT,
    hasMorePath: paginator.hasMorePath ?? (paginator.next === undefined ? DEFAULT_HAS_MORE_PATH : undefined),
  };
}

/** Where the next request's cursor goes, and its value(s). */
type NextRequest = { readonly name: string; readonly value: string } | { readonly query: Readonly<Record<string, string>> };

export async function* iteratePages(
  operationId: string,
  paginator: PaginatorDescriptor,
  params: Record<string, unknown> | undefined,
  body: unknown,
  fetchPage: FetchPage,
): AsyncGenerator<unknown, void, undefined> {
  const convention = conventionOf(paginator);
  const fail = (problem: string) => new ArtuError(`${operationId}: ${problem}`);
  const reverse = reverseName(paginator, params, body);
  const seen = new Set<string>();
  let emptyRun = 0;
  let nextParams = params;
  let nextBody = body;
  for (;;) {
    const fetched = await fetchPage(nextParams, nextBody);
    const page = fetched.body;
    yield page;
    const more = hasMore(convention, page, fail);
    if (more === false) return;
    const items = valueAt(page, convention.itemsPath);
    const next = nextRequest(convention.next, paginator.cursorName, page, items, fetched.link, reverse, fail);
    if (next === undefined) {
      if (more === undefined) return;
      throw fail(`a page says more follow but has no next cursor (${describeSource(convention.next)}); stopping rather than returning a partial list`);
    }
    emptyRun = Array.isArray(items) && items.length === 0 ? emptyRun + 1 : 0;
    if (emptyRun >= MAX_EMPTY_PAGES) {
      throw fail(`the API answered ${emptyRun} empty pages in a row that say more follow; stopping to avoid an endless loop`);
    }
    const key = "value" in next ? next.value : JSON.stringify(next.query);
    if (seen.has(key)) throw fail(`the API returned cursor ${JSON.stringify(key)} twice; stopping to avoid an endless loop`);
    seen.add(key);
    if ("query" in next) nextParams = { ...nextParams, ...next.query };
    else if (paginator.cursorIn === "query") nextParams = { ...nextParams, [next.name]: next.value };
    else nextBody = { ...(isRecord(nextBody) ? nextBody : {}), [next.name]: next.value };
  }
}

export async function* iterateItems(
  operationId: string,
  paginator: PaginatorDescriptor,
  params: Record<string, unknown> | undefined,
  body: unknown,
  fetchPage: FetchPage,
): AsyncGenerator<unknown, void, undefined> {
  const { itemsPath } = conventionOf(paginator);
  for await (const page of iteratePages(operationId, paginator, params, body, fetchPage)) {
    const items = valueAt(page, itemsPath);
    if (!Array.isArray(items)) {
      const where = itemsPath.length === 0 ? "is not an array" : `has no ${JSON.stringify(itemsPath.join("."))} array`;
      throw new ArtuError(`${operationId}: a page ${where}, so its items cannot be iterated`);
    }
    yield* items;
  }
}

/** true/false from the page's flag; undefined when the convention has none. A flag that is not a boolean is an error. */
function hasMore(convention: Convention, page: unknown, fail: (problem: string) => ArtuError): boolean | undefined {
  if (convention.hasMorePath === undefined) return undefined;
  const flag = valueAt(page, convention.hasMorePath);
  if (typeof flag === "boolean") return flag;
  const path = convention.hasMorePath.join(".");
  throw fail(
    flag === undefined
      ? `a page has no ${path}; cannot tell whether more pages follow`
      : `a page's ${path} is ${describeValue(flag)}, not a boolean; cannot tell whether more pages follow`,
  );
}

/** The caller asked to page backwards (Stripe's `ending_before`): the reverse cursor's name, else undefined. */
function reverseName(paginator: PaginatorDescriptor, params: Record<string, unknown> | undefined, body: unknown): string | undefined {
  const next = paginator.next;
  if (next?.from !== "lastItem" || next.reverseName === undefined) return undefined;
  const input = paginator.cursorIn === "query" ? params : isRecord(body) ? body : undefined;
  return input?.[next.reverseName] !== undefined && input[next.reverseName] !== null ? next.reverseName : undefined;
}

/** The next request's cursor, or undefined when the page names none (the end, for conventions without a flag). */
function nextRequest(
  source: NextCursorSource,
  cursorName: string,
  page: unknown,
  items: unknown,
  link: string | null | undefined,
  reverse: string | undefined,
  fail: (problem: string) => ArtuError,
): NextRequest | undefined {
  switch (source.from) {
    case "body": {
      const token = valueAt(page, source.path);
      if (token === undefined || token === null || token === "") return undefined;
      if (typeof token !== "string") throw fail(`a page's ${source.path.join(".")} is ${describeValue(token)}, not a string cursor`);
      return { name: cursorName, value: token };
    }
    case "lastItem": {
      if (!Array.isArray(items) || items.length === 0) return undefined;
      const item: unknown = reverse === undefined ? items[items.length - 1] : items[0];
      const value = isRecord(item) ? item[source.field] : undefined;
      if (typeof value !== "string" || value === "") {
        throw fail(`the ${reverse === undefined ? "last" : "first"} item of a page has no string ${JSON.stringify(source.field)} to continue from`);
      }
      return { name: reverse ?? cursorName, value };
    }
    case "linkHeader":
      return nextLinkQuery(link, fail);
  }
}

/** The query parameters of the `rel="next"` target of a Link header (RFC 8288), or undefined when there is none. */
export function nextLinkQuery(link: string | null | undefined, fail: (problem: string) => ArtuError): NextRequest | undefined {
  if (link === undefined || link === null) return undefined;
  for (const [, target, attributes] of link.matchAll(/<([^>]*)>\s*((?:;[^,;]*)*)/g)) {
    const rels = /;\s*rel\s*=\s*"?([^";]*)"?/i.exec(attributes!)?.[1]?.toLowerCase().split(/\s+/) ?? [];
    if (!rels.includes("next")) continue;
    let url: URL;
    try {
      url = new URL(target!, "http://link.invalid");
    } catch {
      throw fail(`the Link header's next target ${JSON.stringify(target)} is not a URL`);
    }
    const query: Record<string, string> = Object.create(null);
    for (const [name, value] of url.searchParams) query[name] = value;
    return { query };
  }
  return undefined;
}

function describeSource(source: NextCursorSource): string {
  if (source.from === "body") return `expected a string at ${source.path.join(".")}`;
  if (source.from === "lastItem") return `expected items with a ${JSON.stringify(source.field)}`;
  return 'expected a Link header with rel="next"';
}

function valueAt(value: unknown, path: readonly string[]): unknown {
  let current = value;
  for (const key of path) {
    if (!isRecord(current) || !Object.hasOwn(current, key)) return undefined;
    current = current[key];
  }
  return current;
}

function describeValue(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return `${text.length > 40 ? `${text.slice(0, 40)}…` : text} (${value === null ? "null" : Array.isArray(value) ? "an array" : `a ${typeof value}`})`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
