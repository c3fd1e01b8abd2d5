/**
 * The next-token convention (paginator.ts, 3): the page carries a string
 * token for the next page and the request takes it back. Pairs (names
 * compared by normalizedName): the same name (AWS `NextToken`), or the name
 * without its "next" when that is a paging word (`nextPageToken` →
 * `pageToken`, `next_cursor` → `cursor`). The token is looked for at the top
 * level, then one object down (`response_metadata.next_cursor`); a boolean
 * `has_more`/`hasMore` beside it becomes the has-more flag.
 */
import type { PaginatorDescriptor } from "../../../../src/core/operation";
import { isBooleanSchema, type Located, type SchemaContext } from "../schema-view";
import { findInput, isStringSchema, itemsPathOf, normalizedName, propertiesOf, type CursorInput } from "./page-parts";
import type { PaginatorInputs } from "./paginator";

/** Normalized names of a next-page token in a response. */
const NEXT_TOKENS = new Set(["nextpage", "nextpagetoken", "nexttoken", "nextcursor", "nextpagecursor", "nextcontinuationtoken", "continuationtoken"]);
/** What a token's name may become as a request input once "next" is dropped. */
const INPUT_WORDS = new Set(["page", "pagetoken", "cursor", "pagecursor", "continuationtoken"]);

interface TokenAt {
  readonly path: string[];
  readonly hasMore?: string[];
}

export function detectPageTokenPaginator(context: SchemaContext, response: Located, inputs: PaginatorInputs): PaginatorDescriptor | undefined {
  const itemsPath = itemsPathOf(context, response);
  if (itemsPath === undefined || itemsPath.length === 0) return undefined;
  for (const token of tokenCandidates(context, response)) {
    const input = inputFor(context, inputs, token.path[token.path.length - 1]!);
    if (!input) continue;
    return { ...input, itemsPath, next: { from: "body", path: token.path }, ...(token.hasMore ? { hasMorePath: token.hasMore } : {}) };
  }
  return undefined;
}

function inputFor(context: SchemaContext, inputs: PaginatorInputs, tokenName: string): CursorInput | undefined {
  const normalized = normalizedName(tokenName);
  const withoutNext = normalized.replace(/^next/, "");
  const wanted = [normalized, ...(INPUT_WORDS.has(withoutNext) ? [withoutNext] : [])];
  return findInput(context, inputs.parameters, inputs.requestBody, wanted);
}

/** Token properties at the top level first, then one object down; a level with two tokens is ambiguous and skipped. */
function tokenCandidates(context: SchemaContext, response: Located): TokenAt[] {
  const top = propertiesOf(context, response);
  const atTop = tokensIn(context, top, []);
  if (atTop.length > 0) return atTop.length === 1 ? atTop : [];
  const nested = [...top].flatMap(([name, property]) => tokensIn(context, propertiesOf(context, property), [name]));
  return nested.length === 1 ? nested : [];
}

function tokensIn(context: SchemaContext, properties: ReadonlyMap<string, Located>, prefix: string[]): TokenAt[] {
  const tokens = [...properties].filter(([name, schema]) => NEXT_TOKENS.has(normalizedName(name)) && isStringSchema(context, schema));
  const flag = [...properties].find(([name, schema]) => normalizedName(name) === "hasmore" && isBooleanSchema(context, schema));
  return tokens.map(([name]) => ({ path: [...prefix, name], ...(flag ? { hasMore: [...prefix, flag[0]] } : {}) }));
}
