/**
 * Read a source document's text from a URL or a file. HTTP requests get a
 * per-attempt timeout and a bounded retry with exponential backoff, on network
 * errors (timeouts included) and 5xx answers only: a 4xx will not get better
 * by asking again. Failures are `SpecError`s naming the URL or file.
 */
import { readFile } from "node:fs/promises";
import { setTimeout as sleep } from "node:timers/promises";
import { SpecError } from "./errors";

export interface FetchPolicy {
  /** Per attempt, covering the headers and the whole body. */
  readonly timeoutMs: number;
  /** Total attempts, the first included. */
  readonly attempts: number;
  /** Delay before the 2nd attempt; doubled before each following one. */
  readonly backoffMs: number;
  /** Told about each retry (for a log line). */
  readonly onRetry?: (retry: { url: string; attempt: number; attempts: number; reason: string; delayMs: number }) => void;
}

export const DEFAULT_FETCH_POLICY: FetchPolicy = { timeoutMs: 15_000, attempts: 3, backoffMs: 500 };

export function isUrl(location: string): boolean {
  return /^https?:\/\//i.test(location);
}

export async function readSourceText(location: string, policy: FetchPolicy): Promise<string> {
  return isUrl(location) ? fetchText(location, policy) : readText(location);
}

export async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, "utf8");
  } catch (error) {
    throw new SpecError({ source: file }, `cannot read: ${(error as Error).message}`, { cause: error });
  }
}

type Attempt = { ok: true; text: string } | { ok: false; retryable: boolean; reason: string; cause?: unknown };

export async function fetchText(url: string, policy: FetchPolicy): Promise<string> {
  let last: Attempt & { ok: false } = { ok: false, retryable: true, reason: "not attempted" };
  for (let attempt = 1; attempt <= policy.attempts; attempt++) {
    const result = await attemptFetch(url, policy.timeoutMs);
    if (result.ok) return result.text;
    last = result;
    if (!result.retryable || attempt === policy.attempts) break;
    const delayMs = policy.backoffMs * 2 ** (attempt - 1);
    policy.onRetry?.({ url, attempt: attempt + 1, attempts: policy.attempts, reason: result.reason, delayMs });
    await sleep(delayMs);
  }
  const tries = last.retryable ? ` (gave up after ${policy.attempts} attempt(s))` : "";
  throw new SpecError({ source: url }, `${last.reason}${tries}`, { cause: last.cause });
}

async function attemptFetch(url: string, timeoutMs: number): Promise<Attempt> {
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const response = await fetch(url, { signal, headers: { accept: "application/json" } });
    const text = await response.text();
    if (response.ok) return { ok: true, text };
    const reason = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ""}`;
    return { ok: false, retryable: response.status >= 500, reason };
  } catch (error) {
    return { ok: false, retryable: true, reason: describeNetworkError(error, timeoutMs), cause: error };
  }
}

function describeNetworkError(error: unknown, timeoutMs: number): string {
  const { name, message, cause } = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (name === "TimeoutError" || name === "AbortError") return `network error: no complete response within ${timeoutMs} ms (timeout)`;
  const detail = cause?.message ?? message ?? String(error);
  const code = cause?.code && !detail.includes(cause.code) ? `${cause.code} ` : "";
  return `network error: ${code}${detail}`;
}
