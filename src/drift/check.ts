/**
 * The response check a client with `drift` on runs on every parsed 2xx body
 * (execute.ts calls it; with `drift: "off"` there is none and nothing of
 * drift is loaded). The validators and the inspector (inspect.ts) start
 * loading when the client is built, both through dynamic imports so that
 * bundlers keep them out of the initial chunk; a request answered before they
 * are in waits for them.
 */
import { ArtuError, type ArtuRequestContext } from "../client/errors";
import type { ArtuLogger } from "../client/options";
import type { ReceivedResponse } from "../client/response-error";
import type { Inspector } from "./inspect";
import { validatorsModule } from "./load-validators";
import type { DriftHandler, DriftMode } from "./types";

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
  const { drift: mode, onDrift, logger } = settings;
  if (mode === "off") return undefined;
  let inspect: Inspector | undefined;
  let loadFailure: ArtuError | undefined;
  let loadFailureWarned = false;
  const loading = Promise.all([validatorsModule.load(), import("./inspect")]).then(
    ([table, { createInspector }]) => void (inspect = createInspector(table, { mode, onDrift, logger })),
    (error: unknown) =>
      void (loadFailure = new ArtuError(`drift: ${mode}: cannot load the drift validators (generated/validators.js): ${error instanceof Error ? error.message : String(error)}`, {
        cause: error,
      })),
  );

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
    if (inspect !== undefined) return inspect(context, response, data, attempts, key);
    if (loadFailure !== undefined) return unavailable(data);
    return loading.then(() => (inspect !== undefined ? inspect(context, response, data, attempts, key) : unavailable(data)));
  };
}
