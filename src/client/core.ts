/**
 * The object generated code binds to: `bind(descriptor)` returns the callable
 * of one operation (with `.iterate`/`.pages` when it is paginated, chunking
 * when it is a batch), `request(...)` sends any operation with explicit
 * arguments (applySync and other helpers use it).
 */
import type { OperationBinder, OperationDescriptor, OperationInvoker, RequestOptions } from "../core/operation";
import { oversizeItems } from "./batch-limit";
import { execute, type ClientRuntime } from "./execute";
import type { FetchPage } from "./pagination";
import { prepareOperation, type PreparedOperation } from "./prepared-operation";

export interface ArtuCore extends OperationBinder, OperationInvoker {}

type Params = Record<string, unknown> | undefined;

export function createCore(runtime: ClientRuntime): ArtuCore {
  const call = (
    prepared: PreparedOperation,
    params: Params,
    body: unknown,
    options: RequestOptions | undefined,
    onSuccessHeaders?: (headers: Headers) => void,
  ): Promise<unknown> => {
    const batch = prepared.descriptor.batch;
    const items = batch === undefined ? undefined : oversizeItems(batch, body);
    if (batch === undefined || items === undefined) return execute(runtime, prepared, params, body, options, onSuccessHeaders);
    // More items than one request accepts (rare): the chunking code loads on first use.
    return import("./batch").then(({ sendInChunks }) =>
      sendInChunks(prepared.operationId, batch, body as Record<string, unknown>, items, (chunk) => execute(runtime, prepared, params, chunk, options)),
    );
  };

  function bind<F>(descriptor: OperationDescriptor): F {
    const prepared = prepareOperation(descriptor);
    const { paramsIndex, bodyIndex, optionsIndex } = prepared;
    // Positional arguments without a rest array: generated methods take at most three.
    const method = (a0?: unknown, a1?: unknown, a2?: unknown) =>
      call(prepared, argAt(paramsIndex, a0, a1, a2) as Params, argAt(bodyIndex, a0, a1, a2), argAt(optionsIndex, a0, a1, a2) as RequestOptions | undefined);
    const paginator = descriptor.paginator;
    if (paginator === undefined) return method as F;
    const readsLink = paginator.next?.from === "linkHeader";
    const pageFetcher = (options: RequestOptions | undefined) => async (params: Params, body: unknown) => {
      let link: string | null = null;
      const page = await call(prepared, params, body, options, readsLink ? (headers) => void (link = headers.get("link")) : undefined);
      return { body: page, link };
    };
    const walk = (what: "iteratePages" | "iterateItems") => (a0?: unknown, a1?: unknown, a2?: unknown) =>
      paginate(what, prepared.operationId, paginator, argAt(paramsIndex, a0, a1, a2) as Params, argAt(bodyIndex, a0, a1, a2), pageFetcher(argAt(optionsIndex, a0, a1, a2) as RequestOptions | undefined));
    return Object.assign(method, { pages: walk("iteratePages"), iterate: walk("iterateItems") }) as F;
  }

  const request = <R = unknown>(operation: OperationDescriptor, params?: object, body?: unknown, options?: RequestOptions): Promise<R> =>
    call(prepareOperation(operation), params as Params, body, options) as Promise<R>;

  return { bind, request };
}

function argAt(index: number, a0: unknown, a1: unknown, a2: unknown): unknown {
  return index === 0 ? a0 : index === 1 ? a1 : index === 2 ? a2 : undefined;
}

let pagination: Promise<typeof import("./pagination")> | undefined;

/**
 * `.pages()` / `.iterate()`: the paginators load on first use, like the batch
 * chunker (they are async anyway), which keeps them out of what every client
 * loads up front.
 */
async function* paginate(
  what: "iteratePages" | "iterateItems",
  ...args: [operationId: string, paginator: NonNullable<OperationDescriptor["paginator"]>, params: Params, body: unknown, fetchPage: FetchPage]
): AsyncGenerator<unknown, void, undefined> {
  const module = await (pagination ??= import("./pagination"));
  yield* module[what](...args);
}
