/**
 * The client's log lines. Only called when a logger is configured; headers
 * go through redactHeaders, so no line carries the API key.
 */
import type { ArtuLogger } from "./options";
import type { PreparedOperation } from "./prepared-operation";
import { redactHeaders } from "./redact";

export function logStart(
  logger: ArtuLogger,
  prepared: PreparedOperation,
  url: string,
  headers: Readonly<Record<string, string>>,
  attempt: number,
  attempts: number,
): void {
  logger.debug?.(`artu → ${prepared.method} ${url} (${prepared.operationId}, attempt ${attempt} of ${attempts})`, {
    operationId: prepared.operationId,
    method: prepared.method,
    url,
    attempt,
    headers: redactHeaders(headers),
  });
}

export function logFinish(
  logger: ArtuLogger,
  prepared: PreparedOperation,
  url: string,
  outcome: { readonly status?: number; readonly error?: string; readonly requestId?: string | null },
  startedAt: number,
): void {
  const ms = Math.round(performance.now() - startedAt);
  const result = outcome.status !== undefined ? String(outcome.status) : `failed (${outcome.error})`;
  const request = outcome.requestId ? ` [request ${outcome.requestId}]` : "";
  logger.debug?.(`artu ← ${result} ${prepared.method} ${url} (${prepared.operationId}) in ${ms} ms${request}`, {
    operationId: prepared.operationId,
    method: prepared.method,
    url,
    status: outcome.status,
    error: outcome.error,
    requestId: outcome.requestId ?? undefined,
    durationMs: ms,
  });
}

export function logRetry(
  logger: ArtuLogger,
  prepared: PreparedOperation,
  reason: string,
  delayMs: number,
  nextAttempt: number,
  attempts: number,
): void {
  logger.info?.(
    `artu ↻ ${prepared.operationId} (${prepared.method} ${prepared.path}) ${reason}; retrying in ${delayMs} ms (attempt ${nextAttempt} of ${attempts})`,
    { operationId: prepared.operationId, reason, delayMs, attempt: nextAttempt },
  );
}
