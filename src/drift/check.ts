/**
 * The response check a client with `drift` on runs on every parsed 2xx body
 * (execute.ts calls it; with `drift: "off"` there is none and this module's
 * validators are never loaded). The validators start loading when the client
 * is built; a request answered before they are in waits for them.
 */
import { ArtuError, type ArtuRequestContext } from "../client/errors";
import type { ArtuLogger } from "../client/options";
import { redactHeaders, scrubSecret } from "../client/redact";
import type { ReceivedResponse } from "../client/response-error";
import { REQUEST_ID_HEADER } from "../core/wire-error";
import { divergencesOf, shapeOf } from "./divergences";
import { ArtuDriftError, driftLine } from "./error";
import { validatorsModule, type ValidatorTable } from "./load-validators";
import type { ArtuDrift, DriftHandler, DriftMode } from "./types";

/** Returns the data, or throws ArtuDriftError (strict); a promise only until the validators are loaded. */
export type ResponseCheck = (
  context: ArtuRequestContext,
  response: ReceivedResponse,
  data: unknown,
  attempts: number,
  key: string,
) => unknown;

export interface DriftSettings {
  readonly drift: DriftMode;
  readonly onDrift: DriftHandler | undefined;
  readonly logger: ArtuLogger | undefined;
}

export function createResponseCheck(settings: DriftSettings): ResponseCheck | undefined {
  const { drift: mode, logger } = settings;
  if (mode === "off") return undefined;
  const report = settings.onDrift ?? defaultReporter(logger);
  /** operationId, pointer shape and kind of every divergence reported so far. */
  const reported = new Set<string>();
  let validators: ValidatorTable | undefined;
  let loadFailure: ArtuError | undefined;
  let loadFailureWarned = false;
  const loading = validatorsModule.load().then(
    (table) => void (validators = table),
    (error: unknown) =>
      void (loadFailure = new ArtuError(`drift: ${mode}: cannot load the drift validators (generated/validators.js): ${error instanceof Error ? error.message : String(error)}`, {
        cause: error,
      })),
  );

  const check = (table: ValidatorTable, context: ArtuRequestContext, response: ReceivedResponse, data: unknown, attempts: number, key: string): unknown => {
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

  const unavailable = (data: unknown): unknown => {
    if (mode === "strict") throw loadFailure;
    if (!loadFailureWarned) {
      loadFailureWarned = true;
      (logger?.warn ?? console.warn)(`${loadFailure!.message}; responses are not checked`);
    }
    return data;
  };

  return (context, response, data, attempts, key) => {
    if (data === undefined) return data;
    if (validators !== undefined) return check(validators, context, response, data, attempts, key);
    if (loadFailure !== undefined) return unavailable(data);
    return loading.then(() =>
      validators !== undefined ? check(validators, context, response, data, attempts, key) : unavailable(data),
    );
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
      requestId: response.headers.get(REQUEST_ID_HEADER) ?? undefined,
      body: data,
      headers: redactHeaders(headers),
      attempts,
    },
    divergences,
  );
}
