/**
 * Building a client from options and a resources factory. createArtuClient
 * passes the generated `createResources`; tests pass hand-written ones, and
 * may shorten the retry timing.
 */
import type { Client } from "openapi-fetch";
import type { OperationBinder, OperationInvoker } from "../core/operation";
import { AttemptDeadlines } from "./attempt-signal";
import { createCore } from "./core";
import { requestHeaders, type ClientRuntime, type StaticHeaders } from "./execute";
import type { RequestLog } from "./log-lines";
import { resolveOptions, type ArtuClientOptions, type ArtuEnvironment, type ArtuLogger, type ResolvedOptions } from "./options";
import { lazyRawClient } from "./lazy-raw-client";
import { DEFAULT_RETRY_TIMING, type RetryTiming } from "./retry";
import { directTransport, middlewareTransport } from "./transport";
import { createResponseCheck } from "../drift/check";

export type AssembledClient<Resources, Paths extends {}> = Resources &
  OperationInvoker & {
    /** openapi-fetch client for any path of the spec, with the same auth, environment, fetch and middleware. */
    readonly raw: Client<Paths>;
    readonly environment: ArtuEnvironment;
  };

export function assembleClient<Resources, Paths extends {} = {}>(
  options: ArtuClientOptions,
  createResources: (binder: OperationBinder) => Resources,
  timing: RetryTiming = DEFAULT_RETRY_TIMING,
): AssembledClient<Resources, Paths> {
  const config = resolveOptions(options);
  const raw = lazyRawClient<Paths>(config);
  const runtime: ClientRuntime = {
    options: config,
    timing,
    deadlines: new AttemptDeadlines(),
    transport: config.middleware.length > 0 ? middlewareTransport(raw) : directTransport(config.fetch),
    staticHeaders: staticHeadersOf(config),
    requestLog: config.logger === undefined ? undefined : loadRequestLog(config.logger),
    checkResponse: createResponseCheck(config),
  };
  const core = createCore(runtime);
  return { ...createResources(core), request: core.request, raw, environment: config.environment };
}

/** Clients without a logger never load log-lines.ts. */
function loadRequestLog(logger: ArtuLogger): Promise<RequestLog> {
  return import("./log-lines").then(({ createRequestLog }) => createRequestLog(logger));
}

function staticHeadersOf(config: ResolvedOptions): StaticHeaders | undefined {
  if (typeof config.apiKey !== "string") return undefined;
  const key = config.apiKey;
  return {
    key,
    withoutBody: Object.freeze(requestHeaders(config, key, false, undefined, undefined)),
    withBody: Object.freeze(requestHeaders(config, key, true, undefined, undefined)),
  };
}
