/**
 * Whether sending an operation twice is safe, so the runtime may retry it.
 *
 * The rule, in one place:
 * - GET, HEAD, OPTIONS, TRACE, PUT and DELETE are idempotent by HTTP semantics;
 * - PATCH is not;
 * - a POST is idempotent when it only reads, which the spec shows by
 *   (a) a paginated response (see shapes/paginator.ts), or
 *   (b) its verb being a read verb: the first word of the method name
 *       (`previewMigration` → "preview", `listSummary` → "list"), or the
 *       whole last literal path segment (`/clients/{id}/migrate/preview`,
 *       `/workflows/variables/history`; whole, because segments such as
 *       "check-runs" are nouns).
 * Anything else that POSTs (create, migrate, trigger, sync…) is not retried
 * unless the caller opts in.
 */
import type { HttpMethod } from "../../../src/core/operation";

const IDEMPOTENT_METHODS: ReadonlySet<HttpMethod> = new Set(["get", "head", "options", "trace", "put", "delete"]);

const READ_VERBS: ReadonlySet<string> = new Set([
  "list",
  "count",
  "preview",
  "history",
  "search",
  "get",
  "retrieve",
  "resolve",
  "verify",
  "find",
  "lookup",
  "query",
  "check",
  "validate",
  "estimate",
]);

/** First lowercase word of a name: "previewMigration" → "preview", "list-summary" → "list". */
function firstWord(name: string): string {
  return (/^[^A-Za-z0-9]*([a-z0-9]+|[A-Z][a-z0-9]*)/.exec(name)?.[1] ?? "").toLowerCase();
}

function lastLiteralSegment(path: string): string {
  return path.split("/").filter((segment) => segment !== "" && !segment.startsWith("{")).at(-1) ?? "";
}

export function isIdempotent(method: HttpMethod, methodName: string, path: string, paginated: boolean): boolean {
  if (IDEMPOTENT_METHODS.has(method)) return true;
  if (method !== "post") return false;
  return paginated || READ_VERBS.has(firstWord(methodName)) || READ_VERBS.has(lastLiteralSegment(path).toLowerCase());
}
