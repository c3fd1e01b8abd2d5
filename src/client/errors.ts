/**
 * Everything this package throws extends ArtuError, so `instanceof ArtuError`
 * catches it all. HTTP failures are ArtuApiError subclasses chosen by status;
 * failures without a response are ArtuConnectionError (ArtuTimeoutError) or
 * ArtuAbortError (the caller's signal).
 *
 * None of these ever holds the API key: request headers are not stored, and
 * the texts taken from responses are scrubbed of the key before they get here
 * (see redact.ts and response-error.ts).
 */
import type { ArtuErrorBody } from "../core/wire-error";

export type ArtuIssue = NonNullable<ArtuErrorBody["issues"]>[number];

export class ArtuError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }

  /** A plain, loggable view: name, message, the error's own fields, and a summary of `cause`. */
  toJSON(): Record<string, unknown> {
    const json: Record<string, unknown> = { name: this.name, message: this.message };
    for (const [key, value] of Object.entries(this)) {
      if (key === "name" || key === "message" || key === "cause") continue;
      json[key] = value;
    }
    if (this.cause !== undefined) json.cause = summarizeCause(this.cause);
    return json;
  }
}

function summarizeCause(cause: unknown): unknown {
  if (cause instanceof ArtuError) return cause.toJSON();
  if (cause instanceof Error) {
    const code = (cause as { code?: unknown }).code;
    return { name: cause.name, message: cause.message, ...(typeof code === "string" ? { code } : {}) };
  }
  return typeof cause === "object" ? cause : String(cause);
}

/** Which request failed: enough to find it in logs, never its headers. */
export interface ArtuRequestContext {
  readonly operationId: string;
  /** Upper case, e.g. "POST". */
  readonly method: string;
  /** The path template, e.g. "/clients/{id}/promote". */
  readonly path: string;
  /** The URL requested (base URL, path, query); carries no credentials. */
  readonly url: string;
}

export interface ArtuApiErrorInit extends ArtuRequestContext {
  readonly status: number;
  readonly requestId: string | undefined;
  readonly code: string | undefined;
  /** The server's own message, when the body had one. */
  readonly serverMessage: string | undefined;
  /** Parsed JSON body, or the (truncated) text when it was not JSON. */
  readonly body: unknown;
  readonly issues: readonly ArtuIssue[];
  readonly headers: Readonly<Record<string, string>>;
  /** How many requests were sent in total (1 + retries). */
  readonly attempts: number;
}

/** The API answered with a non-2xx status (or with a 2xx the client could not read, see ArtuResponseParseError). */
export class ArtuApiError extends ArtuError {
  override readonly name: string = "ArtuApiError";
  readonly status: number;
  readonly operationId: string;
  readonly method: string;
  readonly path: string;
  readonly url: string;
  /** From the `x-request-id` response header, else the body's `requestId`. Quote it to ARTU support. */
  readonly requestId: string | undefined;
  /** Machine-readable code from the body (NOT_FOUND, VALIDATION_ERROR, …). */
  readonly code: string | undefined;
  readonly body: unknown;
  readonly issues: readonly ArtuIssue[];
  /** Response headers, lower-case names. */
  readonly headers: Readonly<Record<string, string>>;
  readonly attempts: number;

  constructor(init: ArtuApiErrorInit, message: string = describeApiFailure(init)) {
    super(message);
    this.status = init.status;
    this.operationId = init.operationId;
    this.method = init.method;
    this.path = init.path;
    this.url = init.url;
    this.requestId = init.requestId;
    this.code = init.code;
    this.body = init.body;
    this.issues = init.issues;
    this.headers = init.headers;
    this.attempts = init.attempts;
  }
}

/** 400 and 422: the request is wrong; `issues` says where (JSON pointers into the request). */
export class ArtuValidationError extends ArtuApiError {
  override readonly name: string = "ArtuValidationError";
}
/** 401: the API key is missing, malformed or revoked, or belongs to the other environment. */
export class ArtuAuthenticationError extends ArtuApiError {
  override readonly name: string = "ArtuAuthenticationError";
}
/** 403: the key is valid but may not do this. */
export class ArtuPermissionError extends ArtuApiError {
  override readonly name: string = "ArtuPermissionError";
}
export class ArtuNotFoundError extends ArtuApiError {
  override readonly name: string = "ArtuNotFoundError";
}
export class ArtuConflictError extends ArtuApiError {
  override readonly name: string = "ArtuConflictError";
}
export class ArtuRateLimitError extends ArtuApiError {
  override readonly name: string = "ArtuRateLimitError";
  /** Seconds the server asked to wait (`Retry-After`), when it said. */
  readonly retryAfter: number | undefined;

  constructor(init: ArtuApiErrorInit & { readonly retryAfter: number | undefined }) {
    super(init);
    this.retryAfter = init.retryAfter;
  }
}
/** 5xx. */
export class ArtuServerError extends ArtuApiError {
  override readonly name: string = "ArtuServerError";
}
/**
 * A 3xx the client did not follow (see redirect.ts): the operation is not
 * idempotent, the `Location` leaves the base URL's origin, the method would
 * change, or there were too many hops. `location` is the header as received (the API key scrubbed).
 */
export class ArtuRedirectError extends ArtuApiError {
  override readonly name: string = "ArtuRedirectError";
  readonly location: string | undefined;

  constructor(init: ArtuApiErrorInit & { readonly location: string | undefined }, message: string) {
    super(init, message);
    this.location = init.location;
  }
}

/** A 2xx response whose body is not valid JSON; `body` holds the (truncated) text. Not retried: the server did the work. */
export class ArtuResponseParseError extends ArtuApiError {
  override readonly name: string = "ArtuResponseParseError";

  constructor(init: ArtuApiErrorInit & { readonly reason: string }) {
    super(
      init,
      `${where(init)} returned ${init.status} with a body that is not valid JSON (${init.reason})` +
        `${requestTag(init.requestId)}; body starts: ${JSON.stringify(init.body)}`,
    );
  }
}

export interface ArtuConnectionErrorInit extends ArtuRequestContext {
  readonly attempts: number;
  /** System error code when there was one (ECONNREFUSED, ECONNRESET, UND_ERR_SOCKET, …). */
  readonly code: string | undefined;
  readonly detail: string;
}

/** No response: the connection could not be made or broke. */
export class ArtuConnectionError extends ArtuError {
  override readonly name: string = "ArtuConnectionError";
  readonly operationId: string;
  readonly method: string;
  readonly path: string;
  readonly url: string;
  readonly code: string | undefined;
  readonly attempts: number;

  constructor(init: ArtuConnectionErrorInit, options?: ErrorOptions, message?: string) {
    super(message ?? `${where(init)} could not get a response from ${init.url}: ${init.detail}${attemptsTag(init.attempts)}`, options);
    this.operationId = init.operationId;
    this.method = init.method;
    this.path = init.path;
    this.url = init.url;
    this.code = init.code;
    this.attempts = init.attempts;
  }
}

/** No response within `timeoutMs` (per attempt). Distinct from ArtuAbortError, which is the caller's own signal. */
export class ArtuTimeoutError extends ArtuConnectionError {
  override readonly name: string = "ArtuTimeoutError";
  readonly timeoutMs: number;

  constructor(init: ArtuRequestContext & { readonly attempts: number; readonly timeoutMs: number }) {
    super(
      { ...init, code: "ETIMEDOUT", detail: `no response within ${init.timeoutMs} ms` },
      undefined,
      `${where(init)} timed out: no response within ${init.timeoutMs} ms${attemptsTag(init.attempts)}. ` +
        `Raise timeoutMs (client or per request) if the operation is legitimately slow.`,
    );
    this.timeoutMs = init.timeoutMs;
  }
}

/** The caller's AbortSignal fired (during a request or while waiting to retry). `cause` is the signal's reason. */
export class ArtuAbortError extends ArtuError {
  override readonly name: string = "ArtuAbortError";
  readonly operationId: string;
  readonly method: string;
  readonly path: string;

  constructor(context: Omit<ArtuRequestContext, "url">, phase: string, reason: unknown) {
    super(`${where(context)} was aborted by the caller's signal ${phase}`, reason === undefined ? undefined : { cause: reason });
    this.operationId = context.operationId;
    this.method = context.method;
    this.path = context.path;
  }
}

/**
 * A call split into several requests (more items than one batch request
 * accepts, with atomic: false) failed part-way. Requests before `chunkIndex`
 * succeeded (their responses in `results`, item error indices rebased onto the
 * caller's whole input); the failing one is `cause` (an ArtuApiError,
 * ArtuConnectionError…); later ones were not sent. A failure of the first
 * request is thrown as is, since nothing was applied.
 */
export class ArtuBatchError extends ArtuError {
  override readonly name: string = "ArtuBatchError";
  readonly operationId: string;
  /** 0-based index of the request that failed. */
  readonly chunkIndex: number;
  readonly chunkCount: number;
  /** Items in the requests that succeeded: items[0 … itemsSent - 1]. */
  readonly itemsSent: number;
  readonly itemCount: number;
  readonly results: readonly unknown[];
  /**
   * The failing request's validation issues with item pointers rebased onto
   * the caller's input ("/body/items/3/name" in request 2 of 250 items is
   * "/body/items/253/name"); empty when the cause had none.
   */
  readonly issues: readonly ArtuIssue[];

  constructor(init: ArtuBatchErrorInit, message?: string) {
    const causeMessage = init.cause instanceof Error ? init.cause.message : String(init.cause);
    super(
      message ??
        `${init.operationId}: request ${init.chunkIndex + 1} of ${init.chunkCount} failed (${causeMessage}); ` +
          `items 0–${init.itemsSent - 1} of ${init.itemCount} were sent in the requests that succeeded (error.results), ` +
          `items from ${init.itemsSent} on were not confirmed`,
      init.cause === undefined ? undefined : { cause: init.cause },
    );
    this.operationId = init.operationId;
    this.chunkIndex = init.chunkIndex;
    this.chunkCount = init.chunkCount;
    this.itemsSent = init.itemsSent;
    this.itemCount = init.itemCount;
    this.results = init.results;
    this.issues = init.issues ?? [];
  }
}

export interface ArtuBatchErrorInit {
  readonly operationId: string;
  readonly chunkIndex: number;
  readonly chunkCount: number;
  readonly itemsSent: number;
  readonly itemCount: number;
  readonly results: readonly unknown[];
  readonly cause: unknown;
  readonly issues?: readonly ArtuIssue[];
}

/**
 * An atomic batch call with more items than one request accepts: refused
 * before anything was sent, since all-or-nothing cannot span several requests
 * (`chunkCount` is how many it would take; `itemsSent` is 0).
 */
export class ArtuBatchSplitError extends ArtuBatchError {
  override readonly name: string = "ArtuBatchSplitError";
  readonly maxItems: number;

  constructor(init: { readonly operationId: string; readonly itemCount: number; readonly maxItems: number }, message: string) {
    super(
      {
        operationId: init.operationId,
        chunkIndex: 0,
        chunkCount: Math.ceil(init.itemCount / init.maxItems),
        itemsSent: 0,
        itemCount: init.itemCount,
        results: [],
        cause: undefined,
      },
      message,
    );
    this.maxItems = init.maxItems;
  }
}

// ---------------------------------------------------------------------------
// Messages

const MAX_ISSUES_IN_MESSAGE = 5;

/** `clients.promote (POST /clients/{id}/promote) failed with 404 NOT_FOUND: Client not found [request req_123]` */
export function describeApiFailure(init: ArtuApiErrorInit): string {
  const code = init.code === undefined ? "" : ` ${init.code}`;
  const text = init.serverMessage ?? (typeof init.body === "string" && init.body !== "" ? init.body : undefined);
  const issues = describeIssues(init.issues);
  return (
    `${where(init)} failed with ${init.status}${code}` +
    `${text === undefined ? "" : `: ${text}`}${issues}${requestTag(init.requestId)}${attemptsTag(init.attempts)}`
  );
}

function describeIssues(issues: readonly ArtuIssue[]): string {
  if (issues.length === 0) return "";
  const shown = issues.slice(0, MAX_ISSUES_IN_MESSAGE).map((issue) => `${issue.path || "/"}: ${issue.message}`);
  const more = issues.length > MAX_ISSUES_IN_MESSAGE ? `; and ${issues.length - MAX_ISSUES_IN_MESSAGE} more` : "";
  return ` (${shown.join("; ")}${more})`;
}

/** `clients.promote (POST /clients/{id}/promote)`: how every message names the request. */
export function where(context: Pick<ArtuRequestContext, "operationId" | "method" | "path">): string {
  return `${context.operationId} (${context.method} ${context.path})`;
}

const requestTag = (requestId: string | undefined) => (requestId === undefined ? "" : ` [request ${requestId}]`);
const attemptsTag = (attempts: number) => (attempts > 1 ? ` after ${attempts} attempts` : "");
