/**
 * One operation call, start to finish: build the request once, send it, read
 * the result, and retry according to retry.ts. Returns the parsed 2xx body
 * (undefined for an empty one) or throws an ArtuError subclass.
 */
import type { RequestOptions } from "../core/operation";
import type { AttemptDeadlines } from "./attempt-signal";
import { ArtuAbortError, ArtuApiError, ArtuConnectionError, ArtuError, ArtuTimeoutError, where, type ArtuRequestContext } from "./errors";
import type { RequestLog } from "./log-lines";
import { checkHeaders, checkMaxRetries, checkTimeout, type ResolvedOptions } from "./options";
import { expandPath } from "./path-template";
import { headerParamsOf, queryOf, type PreparedOperation } from "./prepared-operation";
import { serializeQuery } from "./query-string";
import { resolveKey } from "./resolve-key";
import { containsSecret, scrubSecret } from "./redact";
import { apiErrorFromResponse, responseParseError, type ReceivedResponse } from "./response-error";
import { parseRetryAfter, retryDelayMs, type AttemptFailure, type RetryTiming } from "./retry";
import type { AttemptRequest, Transport } from "./transport";
import type { ResponseCheck } from "../drift/check";
import { REQUEST_ID_HEADER } from "../core/wire-error";

export interface ClientRuntime {
  readonly options: ResolvedOptions;
  readonly timing: RetryTiming;
  readonly deadlines: AttemptDeadlines;
  readonly transport: Transport;
  /** Headers of every request when the key is a string (precomputed); undefined for a key function. */
  readonly staticHeaders: StaticHeaders | undefined;
  /** The log lines, loading when the client has a logger; undefined without one. */
  readonly requestLog: Promise<RequestLog> | undefined;
  /** The drift check of every parsed success body; undefined with `drift: "off"`. */
  readonly checkResponse: ResponseCheck | undefined;
}

export interface StaticHeaders {
  readonly key: string;
  readonly withoutBody: Readonly<Record<string, string>>;
  readonly withBody: Readonly<Record<string, string>>;
}

/** Connection failures where the request cannot have left the client (besides any error raised while connecting). */
const NOT_SENT_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "UND_ERR_CONNECT_TIMEOUT", "EHOSTUNREACH", "ENETUNREACH"]);

export async function execute(
  runtime: ClientRuntime,
  prepared: PreparedOperation,
  params: Readonly<Record<string, unknown>> | undefined,
  body: unknown,
  options: RequestOptions | undefined,
  /** Sees the success response's headers (pagination reads `Link`). */
  onSuccessHeaders?: (headers: Headers) => void,
): Promise<unknown> {
  const { options: config, transport, staticHeaders } = runtime;
  if (options !== undefined) checkRequestOptions(prepared, options);
  const query = queryOf(prepared, params);
  const search = query === undefined ? "" : serializeQuery(query, prepared.operationId);
  const url = config.baseUrl + expandPath(prepared.compiledPath, params, prepared.operationId) + (search === "" ? "" : `?${search}`);
  const bodyText = body === undefined ? undefined : JSON.stringify(body);
  const headerParams = headerParamsOf(prepared, params);
  const timeoutMs = options?.timeoutMs ?? config.timeoutMs;
  const maxRetries = options?.maxRetries ?? config.maxRetries;
  const repeatable = prepared.descriptor.idempotent || options?.retryNonIdempotent === true;
  const callerSignal = options?.signal;
  const log = runtime.requestLog === undefined ? undefined : await runtime.requestLog;
  const context: ArtuRequestContext = { operationId: prepared.operationId, method: prepared.method, path: prepared.path, url };

  for (let attempt = 1; ; attempt++) {
    if (callerSignal?.aborted) throw new ArtuAbortError(context, "before the request was sent", callerSignal.reason);
    // The attempt's deadline covers an apiKey function too: a key that never comes is bounded like a response.
    const signal = runtime.deadlines.start(callerSignal, timeoutMs);
    const key = staticHeaders?.key ?? (await resolveKey(config.apiKey, context, signal, callerSignal, timeoutMs));
    const headers =
      staticHeaders !== undefined && headerParams === undefined && options?.headers === undefined
        ? bodyText === undefined
          ? staticHeaders.withoutBody
          : staticHeaders.withBody
        : requestHeaders(config, key, bodyText !== undefined, headerParams, options?.headers);
    const request: AttemptRequest = { prepared, url, params, query, headers, body, bodyText };
    const startedAt = log === undefined ? 0 : performance.now();
    log?.start(prepared, url, headers, attempt, maxRetries + 1);

    let response: ReceivedResponse;
    let failure: AttemptFailure;
    let error: ArtuError;
    try {
      response = await transport(request, signal.signal);
      if ((response.status >= 300 && response.status < 400) || response.status === 0) {
        // Rare: the redirect rule loads on the first 3xx (or a browser's opaque redirect, status 0); a refused one throws, rethrown below.
        const { followRedirects } = await import("./redirect");
        response = await followRedirects(transport, request, response, signal.signal, context, attempt, key, config.baseUrl);
      }
      signal.finish();
    } catch (thrown) {
      signal.finish();
      if (thrown instanceof ArtuApiError) {
        // A redirect the client refused to follow: final.
        log?.finish(prepared, url, { status: thrown.status, requestId: thrown.requestId }, startedAt);
        throw thrown;
      }
      if (callerSignal?.aborted) throw new ArtuAbortError(context, "during the request", callerSignal.reason);
      if (signal.timedOut()) {
        failure = { kind: "timeout" };
        error = new ArtuTimeoutError({ ...context, attempts: attempt, timeoutMs });
      } else {
        [failure, error] = connectionFailure(context, thrown, attempt, key);
      }
      log?.finish(prepared, url, { error: error.name }, startedAt);
      await waitForRetry(runtime, log, prepared, failure, error, attempt, maxRetries, repeatable, callerSignal, context);
      continue;
    }

    const status = response.status;
    log?.finish(prepared, url, { status, requestId: requestIdOf(response, key) }, startedAt);
    if (status >= 200 && status < 300) {
      const data = parseSuccess(context, response, attempt, key);
      onSuccessHeaders?.(response.headers);
      return runtime.checkResponse === undefined ? data : runtime.checkResponse(context, response, data, attempt, key);
    }
    failure = { kind: "status", status, retryAfterMs: parseRetryAfter(response.headers.get("retry-after"), Date.now()) };
    error = apiErrorFromResponse(context, response, attempt, key);
    await waitForRetry(runtime, log, prepared, failure, error, attempt, maxRetries, repeatable, callerSignal, context);
  }
}

/** Throws `error` when the failure is final, else waits the retry delay (interruptible by the caller's signal). */
async function waitForRetry(
  runtime: ClientRuntime,
  log: RequestLog | undefined,
  prepared: PreparedOperation,
  failure: AttemptFailure,
  error: ArtuError,
  attempt: number,
  maxRetries: number,
  repeatable: boolean,
  callerSignal: AbortSignal | undefined,
  context: ArtuRequestContext,
): Promise<void> {
  const state = { retriesDone: attempt - 1, maxRetries, repeatable };
  const delay = retryDelayMs(failure, state, runtime.timing);
  if (delay === undefined) {
    if (!repeatable && retryDelayMs(failure, { ...state, repeatable: true }, runtime.timing) !== undefined) {
      error.message += `; not retried: ${prepared.operationId} is not idempotent and may have been applied (pass retryNonIdempotent: true if repeating it is safe)`;
    }
    throw error;
  }
  log?.retry(prepared, failure, delay, attempt + 1, maxRetries + 1);
  try {
    await runtime.timing.sleep(delay, callerSignal);
  } catch {
    throw new ArtuAbortError(context, `while waiting to retry (after attempt ${attempt}: ${error.message})`, callerSignal?.reason);
  }
}

function parseSuccess(context: ArtuRequestContext, response: ReceivedResponse, attempt: number, key: string): unknown {
  if (response.text === "") return undefined;
  try {
    return JSON.parse(response.text);
  } catch {
    throw responseParseError(context, response, attempt, key);
  }
}

/** The response's request id for a log line; a server may put anything there, the key included. */
function requestIdOf(response: ReceivedResponse, key: string): string | null {
  const requestId = response.headers.get(REQUEST_ID_HEADER);
  return requestId === null ? null : scrubSecret(requestId, key);
}

function connectionFailure(
  context: ArtuRequestContext,
  thrown: unknown,
  attempt: number,
  key: string,
): [AttemptFailure, ArtuError] {
  if (thrown instanceof ArtuError) throw thrown;
  const chain = causeChain(thrown);
  const code = chain.map((error) => (error as { code?: unknown }).code).find((value): value is string => typeof value === "string");
  const rawDetail = chain.map((error) => (error instanceof Error ? error.message : String(error))).join(": ");
  const detail = scrubSecret(rawDetail, key);
  // Keep the original as cause unless it holds the key anywhere util.inspect would show (e.g. an invalid header value):
  // then a copy with the scrubbed message and the code.
  const cause = { cause: chain.some((error) => holdsSecret(error, key)) ? scrubbedCause(thrown, detail, code) : thrown };
  if (code === undefined && thrown instanceof TypeError && thrown.message !== "fetch failed") {
    // fetch refused the request itself (bad URL, bad header): nothing to retry.
    throw new ArtuError(`${where(context)} could not be sent: ${detail}`, cause);
  }
  // A failure while connecting (syscall "connect", e.g. a reset during the handshake) happened before any byte of the request was written.
  const notSent = (code !== undefined && NOT_SENT_CODES.has(code)) || chain.some((error) => (error as { syscall?: unknown }).syscall === "connect");
  const failure: AttemptFailure = notSent ? { kind: "not-sent" } : { kind: "connection" };
  return [failure, new ArtuConnectionError({ ...context, attempts: attempt, code, detail }, cause)];
}

/** Whether `error`'s message, stack or own properties hold the key in any encoding. */
function holdsSecret(error: unknown, key: string): boolean {
  if (!(error instanceof Error)) return containsSecret(String(error), key);
  if (containsSecret(`${error.message}\n${error.stack ?? ""}`, key)) return true;
  for (const name of Object.getOwnPropertyNames(error)) {
    if (name === "message" || name === "stack" || name === "cause") continue;
    const value = (error as unknown as Record<string, unknown>)[name];
    let text: string;
    try {
      text = typeof value === "string" ? value : (JSON.stringify(value) ?? String(value));
    } catch {
      return true; // unreadable (a cycle, a getter that throws): not kept
    }
    if (containsSecret(text, key)) return true;
  }
  return false;
}

function scrubbedCause(thrown: unknown, detail: string, code: string | undefined): Error {
  const copy = new Error(detail);
  copy.name = thrown instanceof Error ? thrown.name : "Error";
  if (code !== undefined) (copy as Error & { code?: string }).code = code;
  return copy;
}

function causeChain(error: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let current = error; current !== undefined && current !== null && chain.length < 5; ) {
    chain.push(current);
    current = current instanceof Error ? current.cause : undefined;
  }
  return chain;
}

/** The headers of a request that cannot use the precomputed ones; the client's own headers win. */
export function requestHeaders(
  config: ResolvedOptions,
  key: string,
  hasBody: boolean,
  headerParams: Readonly<Record<string, string>> | undefined,
  perRequest: Readonly<Record<string, string>> | undefined,
): Record<string, string> {
  const headers: Record<string, string> = { accept: "application/json" };
  for (const name in config.defaultHeaders) headers[name.toLowerCase()] = config.defaultHeaders[name]!;
  if (hasBody) headers["content-type"] = "application/json";
  for (const name in headerParams) headers[name.toLowerCase()] = headerParams[name]!;
  for (const name in perRequest) headers[name.toLowerCase()] = perRequest[name]!;
  headers["authorization"] = `Bearer ${key}`;
  headers["x-environment"] = config.environment;
  return headers;
}

function checkRequestOptions(prepared: PreparedOperation, options: RequestOptions): void {
  const where = `${prepared.operationId} options`;
  if (options.timeoutMs !== undefined) checkTimeout(options.timeoutMs, "timeoutMs", where);
  if (options.maxRetries !== undefined) checkMaxRetries(options.maxRetries, "maxRetries", where);
  if (options.headers !== undefined) checkHeaders(options.headers, "headers", where);
}
