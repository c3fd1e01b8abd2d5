/**
 * The client's log lines, for a client built with a `logger`: assemble.ts
 * imports this module then (dynamically, so clients without a logger do not
 * carry it) and execute.ts waits for it before a request's first line. Headers
 * go through redactHeaders and scrubSecret, so no line carries the API key.
 */
import { where } from "./errors";
import type { ArtuLogger } from "./options";
import type { PreparedOperation } from "./prepared-operation";
import { redactHeaders, scrubSecret } from "./redact";
import type { AttemptFailure } from "./retry";

export interface RequestLog {
  start(prepared: PreparedOperation, url: string, headers: Readonly<Record<string, string>>, attempt: number, attempts: number): void;
  finish(prepared: PreparedOperation, url: string, outcome: AttemptOutcome, startedAt: number): void;
  retry(prepared: PreparedOperation, failure: AttemptFailure, delayMs: number, nextAttempt: number, attempts: number): void;
}

export interface AttemptOutcome {
  readonly status?: number;
  readonly error?: string;
  readonly requestId?: string | null;
}

export function createRequestLog(logger: ArtuLogger): RequestLog {
  return {
    start(prepared, url, headers, attempt, attempts) {
      logger.debug?.(`artu → ${prepared.method} ${url} (${prepared.operationId}, attempt ${attempt} of ${attempts})`, {
        operationId: prepared.operationId,
        method: prepared.method,
        url,
        attempt,
        headers: scrubbedHeaders(headers),
      });
    },

    finish(prepared, url, outcome, startedAt) {
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
    },

    retry(prepared, failure, delayMs, nextAttempt, attempts) {
      const reason = describeFailure(failure);
      logger.info?.(
        `artu ↻ ${where(prepared)} ${reason}; retrying in ${delayMs} ms (attempt ${nextAttempt} of ${attempts})`,
        { operationId: prepared.operationId, reason, delayMs, attempt: nextAttempt },
      );
    },
  };
}

/**
 * Credential headers replaced by name, and the key (read from the request's
 * own Authorization) scrubbed from every other value: a default header may
 * carry it too.
 */
function scrubbedHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
  const key = headers.authorization?.replace(/^Bearer /, "");
  const redacted = redactHeaders(headers);
  for (const name in redacted) redacted[name] = scrubSecret(redacted[name]!, key);
  return redacted;
}

function describeFailure(failure: AttemptFailure): string {
  switch (failure.kind) {
    case "status":
      return `got ${failure.status}`;
    case "timeout":
      return "timed out";
    case "not-sent":
      return "could not connect";
    case "connection":
      return "lost the connection";
  }
}
