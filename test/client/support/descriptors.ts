/**
 * Hand-written descriptors shaped like the generated ones (same operations as
 * the ARTU spec), and a resources factory binding them, so the runtime is
 * tested independently of the generator.
 */
import type { OperationBinder, OperationDescriptor, PaginatedOperation, RequestOptions } from "../../../src/core/operation";
import { assembleClient } from "../../../src/client/assemble";
import type { ArtuClientOptions } from "../../../src/client/options";
import type { RetryTiming } from "../../../src/client/retry";

export const promote: OperationDescriptor = {
  operationId: "clients.promote",
  method: "post",
  path: "/clients/{id}/promote",
  args: ["params"],
  pathParams: ["id"],
  queryParams: [],
  headerParams: [],
  idempotent: false,
};

export const retrieve: OperationDescriptor = {
  operationId: "clients.retrieve",
  method: "get",
  path: "/clients/{id}",
  args: ["params"],
  pathParams: ["id"],
  queryParams: [],
  headerParams: [],
  idempotent: true,
};

export const create: OperationDescriptor = {
  operationId: "clients.create",
  method: "post",
  path: "/clients",
  args: ["body"],
  pathParams: [],
  queryParams: [],
  headerParams: [],
  idempotent: false,
};

export const migrate: OperationDescriptor = {
  operationId: "clients.migrate",
  method: "post",
  path: "/clients/{id}/migrate",
  args: ["params", "body"],
  pathParams: ["id"],
  queryParams: [],
  headerParams: [],
  idempotent: false,
};

export const listForClient: OperationDescriptor = {
  operationId: "addresses.listForClient",
  method: "get",
  path: "/clients/{clientId}/addresses",
  args: ["params"],
  pathParams: ["clientId"],
  queryParams: ["cursor", "limit", "filter", "type"],
  headerParams: [],
  idempotent: true,
  paginator: { cursorIn: "query", cursorName: "cursor" },
};

export const list: OperationDescriptor = {
  operationId: "clients.list",
  method: "post",
  path: "/clients/list",
  args: ["body"],
  pathParams: [],
  queryParams: [],
  headerParams: [],
  idempotent: true,
  paginator: { cursorIn: "body", cursorName: "cursor" },
};

export const createMany: OperationDescriptor = {
  operationId: "clients.createMany",
  method: "post",
  path: "/clients/batch",
  args: ["body"],
  pathParams: [],
  queryParams: [],
  headerParams: [],
  idempotent: false,
  batch: { itemsField: "items", maxItems: 250, atomicField: "atomic", atomicDefault: true },
};

export const addItems: OperationDescriptor = {
  operationId: "alerts.addItems",
  method: "post",
  path: "/alerts/{alertId}/items/batch",
  args: ["params", "body"],
  pathParams: ["alertId"],
  queryParams: [],
  headerParams: [],
  idempotent: false,
  batch: { itemsField: "items", maxItems: 250 },
};

type Page<T> = { data: T[]; pagination: { hasMore: boolean; nextCursor: string | null } };
type Any = Record<string, unknown>;

export interface TestResources {
  clients: {
    promote(params: { id: string }, options?: RequestOptions): Promise<Any>;
    retrieve(params: { id: string }, options?: RequestOptions): Promise<Any>;
    create(body: Any, options?: RequestOptions): Promise<Any>;
    migrate(params: { id: string }, body: Any, options?: RequestOptions): Promise<Any>;
    list: PaginatedOperation<[body?: Any], Page<Any>, Any>;
    createMany(body: { items: Any[]; atomic?: boolean }, options?: RequestOptions): Promise<{ data: Any[]; atomic?: boolean }>;
  };
  addresses: {
    listForClient: PaginatedOperation<[params: { clientId: string; cursor?: string; limit?: number; filter?: Any; type?: string[] }], Page<Any>, Any>;
  };
  alerts: {
    addItems(params: { alertId: string }, body: { items: Any[] }, options?: RequestOptions): Promise<{ added: number; items: Any[] }>;
  };
}

export function createTestResources(binder: OperationBinder): TestResources {
  return {
    clients: {
      promote: binder.bind(promote),
      retrieve: binder.bind(retrieve),
      create: binder.bind(create),
      migrate: binder.bind(migrate),
      list: binder.bind(list),
      createMany: binder.bind(createMany),
    },
    addresses: { listForClient: binder.bind(listForClient) },
    alerts: { addItems: binder.bind(addItems) },
  };
}

export const API_KEY = "sk_test_5ecretKeyThatMustNeverLeak_0123456789";

/** Retries without real waiting unless a test asks for it; `delays` records every wait the client asked for. */
export function fastTiming(delays: number[] = [], realSleep = false): RetryTiming {
  return {
    baseDelayMs: 10,
    maxDelayMs: 40,
    maxRetryAfterMs: 60_000,
    random: () => 0.5,
    sleep: async (ms, signal) => {
      delays.push(ms);
      if (realSleep) {
        const { sleep } = await import("../../../src/client/retry");
        return sleep(ms, signal);
      }
      signal?.throwIfAborted();
    },
  };
}

export function testClient(options: Partial<ArtuClientOptions> & { baseUrl: string }, timing: RetryTiming = fastTiming()) {
  return assembleClient({ apiKey: API_KEY, environment: "test", ...options } as ArtuClientOptions, createTestResources, timing);
}
