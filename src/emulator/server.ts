/**
 * The HTTP front of the emulator. Per request: request id → global latency →
 * route → injected faults → authentication → JSON body → validation of path,
 * query and body → handler on drafts of the data sets → the answer cut to
 * what the snapshot describes (response-shape.ts) → (optional) response
 * validation → commit → (injected) response mutation → answer. Errors use
 * the shared wire format.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { authenticate, type Environment } from "./auth";
import { createClock, type Clock } from "./clock";
import { EmulatorError } from "./errors";
import { createFaultInjector, defaultFaultCode, mutatedBody, type FaultRule } from "./faults";
import type { HandlerContext, HandlerTable } from "./handlers/context";
import { readJsonBody } from "./body";
import { itemCountIssues } from "./item-limits";
import { REQUEST_LIMITS } from "./limits";
import { checkQueryKeys, readPathParams, readQuery } from "./query";
import { createRandom, deriveSeed, type Random } from "./random";
import { createRouter } from "./router";
import type { SpecOperation } from "./spec-operations";
import { cloneDataset, emptyDataset, type Dataset, type EmulatorState } from "./store";
import { keepDescribed } from "./response-shape";
import { parseTarget } from "./target";
import { check, type SpecValidation } from "./validation";
import { REQUEST_ID_HEADER } from "../core/wire-error";

export interface ServerSetup {
  readonly host: string;
  readonly port: number;
  readonly apiKeys: ReadonlySet<string>;
  readonly seed: number;
  readonly latencyMs: number;
  readonly faults: readonly FaultRule[];
  readonly operations: readonly SpecOperation[];
  readonly validation: SpecValidation;
  readonly validateResponses: boolean;
  readonly handlers: HandlerTable;
}

export interface RunningServer {
  readonly url: string;
  readonly state: EmulatorState;
  stop(): Promise<void>;
  reset(): void;
  setFaults(rules: readonly FaultRule[]): void;
}

export async function startServer(setup: ServerSetup): Promise<RunningServer> {
  const state: EmulatorState = { test: emptyDataset(), live: emptyDataset() };
  let ids: Random = createRandom(setup.seed);
  let requestIds: Random = createRandom(deriveSeed(setup.seed, "request-ids"));
  let clock: Clock = createClock();
  const faults = createFaultInjector(setup.faults, setup.seed);
  const router = createRouter(setup.operations);
  let url = "";

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const requestId = requestIds.uuid();
    res.setHeader(REQUEST_ID_HEADER, requestId);
    try {
      if (setup.latencyMs > 0) await sleep(setup.latencyMs);
      const target = parseTarget(req.url);
      checkQueryKeys(target.searchParams, REQUEST_LIMITS.maxDepth);
      const method = (req.method ?? "GET").toLowerCase();
      const found = router.find(method, target.pathname);
      if (found.kind === "not-found") throw new EmulatorError(404, "NOT_FOUND", `no ARTU operation at ${method.toUpperCase()} ${target.pathname}`);
      if (found.kind === "method-not-allowed") {
        throw new EmulatorError(405, "METHOD_NOT_ALLOWED", `${method.toUpperCase()} is not allowed on ${target.pathname}`, undefined, { allow: found.allowed.join(", ") });
      }
      const { route: operation, pathParams } = found.match;

      const fired = faults.select({ operationId: operation.operationId, pathTemplate: operation.path, pathname: target.pathname, method });
      const delay = fired.reduce((total, rule) => total + (rule.latencyMs ?? 0), 0);
      if (delay > 0) await sleep(delay);
      if (fired.some((rule) => rule.reset)) {
        req.socket.destroy();
        return;
      }
      const failing = fired.find((rule) => rule.status !== undefined);
      if (failing) throw injectedError(failing, operation.operationId);

      const environment = authenticate(req.headers, setup.apiKeys);
      const body = await readJsonBody(req, REQUEST_LIMITS);
      if (operation.requestBody && body !== undefined) {
        const counts = itemCountIssues(setup.validation.schemas, { value: operation.requestBody.schema, pointer: operation.requestBody.schemaPointer }, body, "/body");
        if (counts.length) throw new EmulatorError(400, "VALIDATION_ERROR", `invalid request for ${operation.operationId}: ${counts[0]!.path} ${counts[0]!.message}`, counts);
      }
      const validators = setup.validation.validators(operation.operationId);
      const query = readQuery(target.searchParams, operation.parameters, setup.validation.schemas);
      const typedPathParams = readPathParams(pathParams, operation.parameters, setup.validation.schemas);
      const issues = [
        ...check(validators.path, typedPathParams, "/path"),
        ...check(validators.query, query, "/query"),
        ...(operation.requestBody && body === undefined && operation.requestBody.required
          ? [{ path: "/body", message: "a JSON request body is required" }]
          : body !== undefined
            ? check(validators.body, body, "/body")
            : []),
      ];
      if (issues.length) throw new EmulatorError(400, "VALIDATION_ERROR", `invalid request for ${operation.operationId}: ${issues[0]!.path} ${issues[0]!.message}`, issues);

      const handler = Object.hasOwn(setup.handlers, operation.operationId) ? setup.handlers[operation.operationId] : undefined;
      if (!handler) {
        throw new EmulatorError(501, "NOT_IMPLEMENTED", `the emulator does not model ${operation.operationId} (${operation.method.toUpperCase()} ${operation.path})`);
      }
      // GET handlers only read: they see the live data sets; everything else works on drafts.
      const readOnly = operation.method === "get";
      const drafts = new Map<Environment, Dataset>();
      const dataset = (env: Environment): Dataset => {
        if (readOnly) return state[env];
        if (!drafts.has(env)) drafts.set(env, cloneDataset(state[env]));
        return drafts.get(env)!;
      };
      let writeTime: string | undefined;
      const context: HandlerContext = {
        operationId: operation.operationId,
        environment,
        data: dataset(environment),
        dataset,
        path: pathParams,
        query,
        body,
        newId: () => ids.uuid(),
        now: () => (writeTime ??= clock.tick()),
        currentTime: clock.now(),
        baseUrl: url,
      };
      const result = handler(context);
      const answer = operation.responseSchema
        ? keepDescribed(setup.validation.schemas, { value: operation.responseSchema, pointer: operation.responseSchemaPointer ?? "" }, result)
        : result;
      const responseIssues = check(validators.response, answer, "/response");
      if (responseIssues.length) {
        throw new EmulatorError(500, "EMULATOR_RESPONSE_INVALID", `the emulator's ${operation.operationId} response does not match the snapshot`, responseIssues);
      }
      for (const [env, draft] of drafts) state[env] = draft;
      sendJson(res, operation.successStatus, mutatedBody(fired, answer));
    } catch (error) {
      const failure = error instanceof EmulatorError ? error : new EmulatorError(500, "INTERNAL", `emulator failure: ${(error as Error)?.message ?? String(error)}`);
      for (const [name, value] of Object.entries(failure.headers)) res.setHeader(name, value);
      sendJson(res, failure.status, failure.toBody(requestId));
    }
  };

  const server: Server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(setup.port, setup.host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  url = `http://${address.family === "IPv6" ? `[${address.address}]` : address.address}:${address.port}`;

  return {
    url,
    state,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
    reset() {
      state.test = emptyDataset();
      state.live = emptyDataset();
      ids = createRandom(setup.seed);
      requestIds = createRandom(deriveSeed(setup.seed, "request-ids"));
      clock = createClock();
      faults.reset();
    },
    setFaults: (rules) => faults.setRules(rules),
  };
}

function injectedError(rule: FaultRule, operationId: string): EmulatorError {
  const status = rule.status!;
  return new EmulatorError(
    status,
    rule.code ?? defaultFaultCode(status),
    `injected fault: ${status} for ${operationId}`,
    undefined,
    rule.retryAfter !== undefined ? { "retry-after": String(rule.retryAfter) } : {},
  );
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent || res.destroyed) return;
  const text = body === undefined ? "" : JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
