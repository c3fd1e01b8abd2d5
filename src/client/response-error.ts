/**
 * Turning an HTTP response the caller should not get as data into the typed
 * error for its status, reading the ARTU error body (src/core/wire-error.ts)
 * when there is one and keeping the text when there is not (an HTML page from
 * a proxy, an empty 502…). Texts are scrubbed of the API key first: a server
 * or proxy that echoes the request must not leak it into an error.
 */
import { REQUEST_ID_HEADER } from "../core/wire-error";
import {
  ArtuApiError,
  ArtuAuthenticationError,
  ArtuConflictError,
  ArtuNotFoundError,
  ArtuPermissionError,
  ArtuRateLimitError,
  ArtuResponseParseError,
  ArtuServerError,
  ArtuValidationError,
  type ArtuApiErrorInit,
  type ArtuIssue,
  type ArtuRequestContext,
} from "./errors";
import { redactHeaders, scrubParsed, scrubSecret } from "./redact";
import { parseRetryAfter } from "./retry";

/** Longest body text kept on an error (and quoted in its message). */
export const MAX_ERROR_TEXT = 500;

export interface ReceivedResponse {
  readonly status: number;
  readonly headers: Headers;
  /** The body as text ("" when there was none). */
  readonly text: string;
}

export function apiErrorFromResponse(
  context: ArtuRequestContext,
  response: ReceivedResponse,
  attempts: number,
  secret: string | undefined,
): ArtuApiError {
  return errorForStatus(apiErrorInit(context, response, attempts, secret), response.headers);
}

/** What an ArtuApiError holds about `response`, every text scrubbed of the key. */
export function apiErrorInit(
  context: ArtuRequestContext,
  response: ReceivedResponse,
  attempts: number,
  secret: string | undefined,
): ArtuApiErrorInit {
  const text = scrubSecret(response.text, secret);
  // Scrubbed again once parsed: JSON escapes can hide a second encoding ("\u0025\u0037\u0033" is "%73").
  const parsed = scrubParsed(parseJsonObject(text), secret);
  const body: unknown = parsed ?? truncate(text);
  const headers = headersRecord(response.headers, secret);
  const init: ArtuApiErrorInit = {
    ...context,
    status: response.status,
    requestId: headers[REQUEST_ID_HEADER] ?? stringField(parsed, "requestId"),
    code: stringField(parsed, "code"),
    serverMessage: stringField(parsed, "message"),
    body,
    issues: issuesOf(parsed),
    headers,
    attempts,
  };
  return init;
}

function errorForStatus(init: ArtuApiErrorInit, headers: Headers): ArtuApiError {
  const status = init.status;
  if (status === 400 || status === 422) return new ArtuValidationError(init);
  if (status === 401) return new ArtuAuthenticationError(init);
  if (status === 403) return new ArtuPermissionError(init);
  if (status === 404) return new ArtuNotFoundError(init);
  if (status === 409) return new ArtuConflictError(init);
  if (status === 429) {
    const ms = parseRetryAfter(headers.get("retry-after"), Date.now());
    return new ArtuRateLimitError({ ...init, retryAfter: ms === undefined ? undefined : ms / 1000 });
  }
  if (status >= 500) return new ArtuServerError(init);
  return new ArtuApiError(init);
}

/**
 * A 2xx whose body is not JSON. The reason is JSON.parse's message on the
 * scrubbed text: on the raw text it would quote a snippet that can cut the key
 * in the middle, where no scrubbing finds it.
 */
export function responseParseError(
  context: ArtuRequestContext,
  response: ReceivedResponse,
  attempts: number,
  secret: string | undefined,
): ArtuResponseParseError {
  const text = scrubSecret(response.text, secret);
  const headers = headersRecord(response.headers, secret);
  return new ArtuResponseParseError({
    ...context,
    status: response.status,
    requestId: headers[REQUEST_ID_HEADER],
    code: undefined,
    serverMessage: undefined,
    body: truncate(text),
    issues: [],
    headers,
    attempts,
    reason: scrubSecret(parseFailure(text), secret),
  });
}

function parseFailure(text: string): string {
  try {
    JSON.parse(text);
    return "the body changed once the API key was scrubbed from it";
  } catch (thrown) {
    return thrown instanceof Error ? thrown.message : String(thrown);
  }
}

function parseJsonObject(text: string): Record<string, unknown> | undefined {
  if (text === "") return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function stringField(body: Record<string, unknown> | undefined, name: string): string | undefined {
  const value = body?.[name];
  return typeof value === "string" && value !== "" ? value : undefined;
}

function issuesOf(body: Record<string, unknown> | undefined): readonly ArtuIssue[] {
  const issues = body?.issues;
  if (!Array.isArray(issues)) return [];
  return issues.flatMap((issue: unknown): ArtuIssue[] => {
    if (issue === null || typeof issue !== "object") return [];
    const { path, message } = issue as Record<string, unknown>;
    return typeof message === "string" ? [{ path: typeof path === "string" ? path : "", message }] : [];
  });
}

function headersRecord(headers: Headers, secret: string | undefined): Record<string, string> {
  const record: Record<string, string> = {};
  headers.forEach((value, name) => {
    record[name] = scrubSecret(value, secret);
  });
  return redactHeaders(record);
}

function truncate(text: string): string {
  return text.length <= MAX_ERROR_TEXT ? text : `${text.slice(0, MAX_ERROR_TEXT)}… (${text.length} characters)`;
}
