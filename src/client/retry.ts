/**
 * The retry rule, in one place.
 *
 * An attempt that fails is retried, up to `maxRetries` times (default 2, an
 * integer from 0 to 10, per client or per request), only when sending the request again cannot do harm:
 *
 * | failure                                              | idempotent op | non-idempotent op           |
 * | ---------------------------------------------------- | ------------- | --------------------------- |
 * | nothing was sent (ECONNREFUSED, DNS failure, connect timeout) | retry | retry                      |
 * | 429 Too Many Requests                                | retry         | retry (refused before any work) |
 * | 408 Request Timeout                                  | retry         | retry (the server never got the whole request) |
 * | 5xx (503 included, with or without Retry-After)      | retry         | only with retryNonIdempotent |
 * | 501, 505, 506, 508, 510, 511 (repeating cannot help) | never         | never                       |
 * | connection reset/closed after sending, our timeout   | retry         | only with retryNonIdempotent |
 * | 3xx (see redirect.ts), any other status, malformed 2xx body, caller's abort | never | never       |
 *
 * "Idempotent" is the descriptor's flag (GET/HEAD/PUT/DELETE and read-only
 * POSTs, decided by the generator from the spec). A non-idempotent POST
 * (create, batch create, migrate, promote, sync…) may have been applied when
 * the server answers 5xx or the connection breaks after the request left, so a
 * second send could create or migrate twice: the caller opts in per request
 * with `retryNonIdempotent: true` (e.g. a create made idempotent by an
 * externalId). A 503, even with Retry-After, is treated like any 5xx: a gateway
 * can return it after the upstream started work. A 429 is the rate limiter's
 * refusal before the request is processed, so it is safe for every operation.
 *
 * Waiting: `Retry-After` (delta-seconds or an HTTP date) when the response has
 * one; a Retry-After longer than 60 s is not waited for (the error, with its
 * `retryAfter`, goes to the caller, who can schedule better than a blocked
 * promise). Otherwise exponential backoff with full jitter:
 * random(0, min(8 s, 0.5 s × 2^retry)). The caller's signal ends a wait at once
 * (ArtuAbortError). `timeoutMs` applies to each attempt.
 */

export type AttemptFailure =
  /** The request never left: connection refused, DNS failure, connect timeout. */
  | { readonly kind: "not-sent" }
  /** The connection broke after the request may have been sent (reset, closed, EPIPE). */
  | { readonly kind: "connection" }
  /** No response within timeoutMs. */
  | { readonly kind: "timeout" }
  /** An HTTP error status; `retryAfterMs` from a Retry-After header. */
  | { readonly kind: "status"; readonly status: number; readonly retryAfterMs: number | undefined };

export interface RetryTiming {
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** Retry-After values above this are not waited for. */
  readonly maxRetryAfterMs: number;
  /** In [0, 1): the jitter source. */
  readonly random: () => number;
  /** Waits between attempts; must reject as soon as the signal aborts. */
  readonly sleep: (ms: number, signal: AbortSignal | undefined) => Promise<void>;
}

export const DEFAULT_RETRY_TIMING: RetryTiming = {
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 60_000,
  random: Math.random,
  sleep,
};

export interface RetryState {
  /** Retries already made (0 after the first attempt). */
  readonly retriesDone: number;
  readonly maxRetries: number;
  /** descriptor.idempotent, or the caller's retryNonIdempotent. */
  readonly repeatable: boolean;
}

/** Milliseconds to wait before the next attempt, or undefined when the failure is final. */
export function retryDelayMs(failure: AttemptFailure, state: RetryState, timing: RetryTiming): number | undefined {
  if (state.retriesDone >= state.maxRetries || !isRetryable(failure, state.repeatable)) return undefined;
  if (failure.kind === "status" && failure.retryAfterMs !== undefined) {
    return failure.retryAfterMs > timing.maxRetryAfterMs ? undefined : failure.retryAfterMs;
  }
  return backoffMs(state.retriesDone, timing);
}

function isRetryable(failure: AttemptFailure, repeatable: boolean): boolean {
  switch (failure.kind) {
    case "not-sent":
      return true;
    case "connection":
    case "timeout":
      return repeatable;
    case "status":
      if (failure.status === 429 || failure.status === 408) return true;
      return failure.status >= 500 && failure.status <= 599 && repeatable && !FINAL_SERVER_STATUSES.has(failure.status);
  }
}

/**
 * 5xx answers that say the server cannot do this request at all (not
 * implemented, HTTP version or negotiation unsupported, a loop, an extension
 * or network login required): the same request gets the same answer.
 */
const FINAL_SERVER_STATUSES: ReadonlySet<number> = new Set([501, 505, 506, 508, 510, 511]);

/** Full jitter: uniform in [0, min(max, base × 2^retry)). */
export function backoffMs(retry: number, timing: RetryTiming): number {
  return Math.floor(timing.random() * Math.min(timing.maxDelayMs, timing.baseDelayMs * 2 ** retry));
}

/** `Retry-After` as milliseconds from `now`: delta-seconds or an HTTP date (a past date is 0). */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (value === null || value === undefined) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  // HTTP dates start with a day name ("Thu, 01 Jan 2026 00:00:30 GMT"); anything else (e.g. "-3") is not a date.
  const date = /^[A-Za-z]/.test(trimmed) ? Date.parse(trimmed) : Number.NaN;
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
