/**
 * What a client with `drift` on does with a parsed 2xx body once the
 * validators are in: validate it, turn Ajv's errors into divergences, and
 * report them (once per operation, shape and kind) or throw ArtuDriftError.
 * Loaded lazily together with the validators (see check.ts), so a client with
 * `drift: "off"` does not carry this code in its initial bundle.
 */
import type { ArtuRequestContext } from "../client/errors";
import type { ArtuLogger } from "../client/options";
import { redactHeaders, scrubParsed, scrubSecret } from "../client/redact";
import type { ReceivedResponse } from "../client/response-error";
import { REQUEST_ID_HEADER } from "../core/wire-error";
import { divergencesOf, shapeOf } from "./divergences";
import { ArtuDriftError, driftLine } from "./error";
import type { ValidatorTable } from "./load-validators";
import type { ArtuDrift, DriftHandler, DriftMode } from "./types";

export interface InspectorSettings {
  readonly mode: Exclude<DriftMode, "off">;
  readonly onDrift: DriftHandler | undefined;
  readonly logger: ArtuLogger | undefined;
}

/** Returns the data, or throws ArtuDriftError in strict mode. */
export type Inspector = (context: ArtuRequestContext, response: ReceivedResponse, data: unknown, attempts: number, key: string) => unknown;

export function createInspector(table: ValidatorTable, settings: InspectorSettings): Inspector {
  const { mode, logger } = settings;
  const report = settings.onDrift ?? defaultReporter(logger);
  /** operationId, pointer shape and kind of every divergence reported so far. */
  const reported = new Set<string>();

  return (context, response, data, attempts, key) => {
    const validate = table[context.operationId];
    if (validate === undefined || validate(data)) return data;
    const divergences: ArtuDrift[] = divergencesOf(validate.errors ?? [], data).map((found) => ({
      operationId: context.operationId,
      ...found,
      actual: scrubSecret(found.actual, key),
    }));
    if (divergences.length === 0) return data;
    if (mode === "strict") throw driftError(context, response, data, attempts, key, divergences);
    for (const drift of divergences) {
      const id = `${drift.operationId}\u0000${shapeOf(data, drift.pointer)}\u0000${drift.kind}`;
      if (reported.has(id)) continue;
      reported.add(id);
      try {
        report(drift);
      } catch (error) {
        logger?.error?.(`artu drift: onDrift threw for ${drift.operationId} ${drift.pointer}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    return data;
  };
}

function defaultReporter(logger: ArtuLogger | undefined): DriftHandler {
  if (logger?.warn) {
    const warn = logger.warn.bind(logger);
    return (drift) => warn(driftLine(drift), { ...drift });
  }
  return (drift) => console.warn(driftLine(drift));
}

function driftError(
  context: ArtuRequestContext,
  response: ReceivedResponse,
  data: unknown,
  attempts: number,
  key: string,
  divergences: readonly ArtuDrift[],
): ArtuDriftError {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = scrubSecret(value, key);
  });
  return new ArtuDriftError(
    {
      ...context,
      status: response.status,
      requestId: scrubOptional(response.headers.get(REQUEST_ID_HEADER) ?? undefined, key),
      body: scrubParsed(data, key), // the key echoed in any encoding stays out of logs and toJSON
      headers: redactHeaders(headers),
      attempts,
    },
    divergences,
  );
}


function scrubOptional(value: string | undefined, key: string): string | undefined {
  return value === undefined ? undefined : scrubSecret(value, key);
}
