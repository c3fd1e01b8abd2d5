/**
 * Cursor pagination over an ordered list. The cursor is opaque to callers
 * (base64url of the next offset and a fingerprint of the list it belongs to);
 * a cursor that does not decode, or that belongs to another list, is a 400.
 */
import { invalidAt } from "./errors";

export interface PageRequest {
  cursor?: unknown;
  limit?: unknown;
  offset?: unknown;
  includeTotalCount?: unknown;
}

export interface Page<T> {
  data: T[];
  pagination: { hasMore: boolean; nextCursor: string | null; totalCount?: number };
}

export const DEFAULT_LIMIT = 20;
/** Far above what encodeCursor makes (about 40 characters): checked before a caller's cursor is decoded and parsed. */
const MAX_CURSOR_LENGTH = 256;

/**
 * `scope` names the list (e.g. "addresses:<clientId>") so a cursor from one
 * list is rejected on another; `where` is the request location of the
 * paging fields ("/query" or "/body").
 */
export function paginate<T>(items: readonly T[], request: PageRequest, scope: string, where: "/query" | "/body"): Page<T> {
  const limit = typeof request.limit === "number" ? Math.floor(request.limit) : DEFAULT_LIMIT;
  let start = typeof request.offset === "number" ? request.offset : 0;
  if (typeof request.cursor === "string" && request.cursor !== "") start = decodeCursor(request.cursor, scope, `${where}/cursor`);
  const data = items.slice(start, start + limit);
  const next = start + data.length;
  const hasMore = next < items.length;
  return {
    data,
    pagination: {
      hasMore,
      nextCursor: hasMore ? encodeCursor(next, scope) : null,
      ...(request.includeTotalCount === true ? { totalCount: items.length } : {}),
    },
  };
}

function encodeCursor(offset: number, scope: string): string {
  return Buffer.from(JSON.stringify({ o: offset, s: fingerprint(scope) })).toString("base64url");
}

function decodeCursor(cursor: string, scope: string, pointer: string): number {
  if (cursor.length > MAX_CURSOR_LENGTH) throw invalidAt(pointer, `is longer than ${MAX_CURSOR_LENGTH} characters: not a cursor this list returned`);
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw invalidAt(pointer, "is not a cursor this list returned");
  }
  const { o, s } = (decoded ?? {}) as { o?: unknown; s?: unknown };
  if (typeof o !== "number" || !Number.isInteger(o) || o < 0 || s !== fingerprint(scope)) {
    throw invalidAt(pointer, "is not a cursor this list returned");
  }
  return o;
}

function fingerprint(scope: string): string {
  let hash = 0x811c9dc5;
  for (const char of scope) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
  return hash.toString(36);
}
