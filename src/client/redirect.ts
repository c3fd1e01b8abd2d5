/**
 * Redirects. Both transports send with `redirect: "manual"`, so a 3xx comes
 * back here instead of being followed by fetch, which would re-send a KYC body
 * to whatever host a 307/308 names, or turn a create into a GET on a
 * 301/302/303 and return that GET's body as the created record. The rule:
 *
 * - an operation that is not idempotent never follows a redirect
 *   (retryNonIdempotent does not change that);
 * - an idempotent one follows 301, 302, 303, 307 and 308 to a URL under the
 *   base URL (same origin, same path prefix), at most MAX_REDIRECTS hops, with
 *   its method unchanged: GET and HEAD follow all five, other methods only
 *   307 and 308 (the others would turn them into a GET);
 * - everything else (another origin, another method, a missing or invalid
 *   Location, 300/304/305/306, too many hops) is an ArtuRedirectError naming
 *   the Location. It is final: not retried.
 *
 * Loaded on the first 3xx only (execute.ts).
 */
import { ArtuRedirectError, where, type ArtuRequestContext } from "./errors";
import { scrubSecret } from "./redact";
import { apiErrorInit, type ReceivedResponse } from "./response-error";
import type { AttemptRequest, Transport } from "./transport";

export const MAX_REDIRECTS = 5;

const FOLLOWED_FOR_GET = new Set([301, 302, 303, 307, 308]);
const METHOD_PRESERVING = new Set([307, 308]);

/** A 3xx, or status 0: the opaque redirect a browser's fetch returns for `redirect: "manual"`. */
export function isRedirect(status: number): boolean {
  return (status >= 300 && status < 400) || status === 0;
}

/** Follows what the rule allows and returns the first answer that is not a redirect; throws ArtuRedirectError otherwise. */
export async function followRedirects(
  transport: Transport,
  request: AttemptRequest,
  first: ReceivedResponse,
  signal: AbortSignal,
  context: ArtuRequestContext,
  attempt: number,
  key: string,
  baseUrl: string,
): Promise<ReceivedResponse> {
  const base = new URL(baseUrl);
  const basePath = base.pathname.replace(/\/+$/, "");
  let response = first;
  let current = request.url;
  for (let hops = 0; isRedirect(response.status); hops++) {
    const location = response.headers.get("location") ?? undefined;
    const target = location === undefined || !URL.canParse(location, current) ? undefined : new URL(location, current);
    const refusal = refusalOf(request, response.status, location, target, base, basePath, hops);
    if (refusal !== undefined) throw redirectError(context, response, attempt, key, location, refusal);
    target!.hash = "";
    current = target!.href;
    const redirectPath = target!.pathname.slice(basePath.length) + target!.search;
    response = await transport({ ...request, url: current, redirectPath }, signal);
  }
  return response;
}

/** Why the redirect is not followed, or undefined when it is. */
function refusalOf(
  request: AttemptRequest,
  status: number,
  location: string | undefined,
  target: URL | undefined,
  base: URL,
  basePath: string,
  hops: number,
): string | undefined {
  const { prepared } = request;
  if (!prepared.descriptor.idempotent) {
    return `${prepared.operationId} is not idempotent, and following would re-send its body elsewhere or turn it into a GET`;
  }
  if (status === 0) return "the runtime hides the redirect's target (an opaque redirect, as browsers return)";
  if (!FOLLOWED_FOR_GET.has(status)) return `${status} is not a redirect the client follows`;
  if (prepared.method !== "GET" && prepared.method !== "HEAD" && !METHOD_PRESERVING.has(status)) {
    return `${status} would turn ${prepared.method} into GET`;
  }
  if (location === undefined) return "the response has no Location header";
  if (target === undefined) return "the Location is not a valid URL";
  const underBase = target.pathname === basePath || target.pathname.startsWith(`${basePath}/`);
  if (target.origin !== base.origin || !underBase) return `the Location is outside the base URL ${base.origin}${basePath}`;
  if (hops >= MAX_REDIRECTS) return `more than ${MAX_REDIRECTS} redirects`;
  return undefined;
}

function redirectError(
  context: ArtuRequestContext,
  response: ReceivedResponse,
  attempt: number,
  key: string,
  rawLocation: string | undefined,
  reason: string,
): ArtuRedirectError {
  const location = rawLocation === undefined ? undefined : scrubSecret(rawLocation, key);
  const to = location === undefined ? "" : ` to ${JSON.stringify(location)}`;
  return new ArtuRedirectError(
    { ...apiErrorInit(context, response, attempt, key), location },
    `${where(context)} was redirected (${response.status})${to}, which the client does not follow: ${reason}. Nothing more was sent.`,
  );
}
