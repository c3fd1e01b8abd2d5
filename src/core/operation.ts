/**
 * The contract between generated code and the runtime.
 *
 * `generated/operations.ts` describes every operation of the spec as an
 * `OperationDescriptor` (plain data, emitted from the API model) and binds it
 * through an `OperationBinder`; everything that sends a request lives in the
 * runtime. Generated code imports this file only through `src/internal.ts`.
 */

export type HttpMethod = "get" | "put" | "post" | "delete" | "options" | "head" | "patch" | "trace";

/** The operation keys of an OpenAPI path item, in the specification's order. */
export const HTTP_METHODS: readonly HttpMethod[] = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/**
 * Positional arguments of a generated method, in order, before the trailing
 * `options?: RequestOptions`. `params` is one flat object holding the path,
 * query and header parameters (a name two locations share is keyed
 * `<location><Name>` for all but the first of path, query, header: see
 * `wireNames`); `body` is the JSON request body.
 *   clients.migrate(params, body, options?)   → ["params", "body"]
 *   clients.create(body, options?)            → ["body"]
 *   clients.promote(params, options?)         → ["params"]
 */
export type OperationArg = "params" | "body";

/**
 * A paginated operation: where its next cursor comes from, where it goes on
 * the next request, where a page's items are and what says more follow.
 * Fields left out take ARTU's convention (`{ data: Item[], pagination:
 * { hasMore, nextCursor } }`), so ARTU's descriptors stay `{ cursorIn,
 * cursorName }`; the model fills them in for other conventions
 * (scripts/lib/model/shapes/paginator.ts).
 */
export interface PaginatorDescriptor {
  /** Where the cursor goes on the next request: a query parameter or a body property. */
  readonly cursorIn: "query" | "body";
  /** Name of the cursor parameter/property (ARTU: "cursor", Stripe: "starting_after", Google: "pageToken"). */
  readonly cursorName: string;
  /** Property path of the page's item array (default `["data"]`; `[]` when the page is the array). */
  readonly itemsPath?: readonly string[];
  /** Where the next cursor is read (default: the body at `["pagination", "nextCursor"]`). */
  readonly next?: NextCursorSource;
  /**
   * Property path of the boolean that says more pages follow (default
   * `["pagination", "hasMore"]` when `next` is left out). Without one, the
   * page without a next cursor is the last.
   */
  readonly hasMorePath?: readonly string[];
}

/**
 * Where the next page's cursor comes from:
 * - `body`: a token in the page (`nextPageToken`, `NextToken`, `response_metadata.next_cursor`);
 * - `lastItem`: a field of the page's last item (Stripe: `starting_after` = last id); when the
 *   caller passes `reverseName` instead (Stripe: `ending_before`), the first item's field goes there;
 * - `linkHeader`: the `Link: <…>; rel="next"` response header; its query parameters are sent to
 *   the same operation (never to the URL as such, so a page cannot redirect the client elsewhere).
 */
export type NextCursorSource =
  | { readonly from: "body"; readonly path: readonly string[] }
  | { readonly from: "lastItem"; readonly field: string; readonly reverseName?: string }
  | { readonly from: "linkHeader" };

/** Request bodies with an `items` array bounded by `maxItems`, optionally `atomic`. */
export interface BatchDescriptor {
  readonly itemsField: string;
  readonly maxItems: number;
  /** Body property that asks for all-or-nothing semantics, when the operation has one. */
  readonly atomicField?: string;
  /** Server-side default of `atomicField` (ARTU: true). */
  readonly atomicDefault?: boolean;
}

export interface OperationDescriptor {
  /** The spec's operationId, or the stable name the generator gave an operation without one. */
  readonly operationId: string;
  readonly method: HttpMethod;
  /** Path template as in the spec, e.g. "/clients/{id}/migrate". */
  readonly path: string;
  readonly args: readonly OperationArg[];
  /** Keys of the flat params object, by location. */
  readonly pathParams: readonly string[];
  readonly queryParams: readonly string[];
  readonly headerParams: readonly string[];
  /**
   * Flat key → name on the wire, for the parameters whose name another
   * location also has (the generator keys those `<location><Name>`, e.g.
   * `queryPath` for a query parameter `path` beside a path parameter `path`).
   */
  readonly wireNames?: Readonly<Record<string, string>>;
  /**
   * Safe to send twice: GET/HEAD/OPTIONS/PUT/DELETE, and POSTs the model
   * classifies as read-only (list, count, preview, history…). The runtime
   * retries a non-idempotent request only when it cannot have reached the
   * server, or when the caller opts in per call.
   */
  readonly idempotent: boolean;
  readonly paginator?: PaginatorDescriptor;
  readonly batch?: BatchDescriptor;
}

/** Per-call options, the last argument of every generated method. */
export interface RequestOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
  maxRetries?: number;
  headers?: Record<string, string>;
  /** Allow automatic retries of a non-idempotent operation (e.g. a create you made idempotent with an externalId). */
  retryNonIdempotent?: boolean;
}

/**
 * Implemented by the runtime client. `bind` returns the callable for one
 * operation; when the descriptor has a paginator the callable also carries
 * `.iterate(...)` and `.pages(...)`, when it has a batch descriptor the
 * callable chunks oversize `items`. `F` is the generated signature.
 */
export interface OperationBinder {
  bind<F>(operation: OperationDescriptor): F;
}

/** Sends one operation with explicit arguments; the client implements it (used by applySync and other helpers). */
export interface OperationInvoker {
  request<R = unknown>(operation: OperationDescriptor, params?: object, body?: unknown, options?: RequestOptions): Promise<R>;
}

/** The callable of a paginated operation: `A` are its positional args (without options). */
export type PaginatedOperation<A extends unknown[], Page, Item> = ((
  ...args: [...A, options?: RequestOptions]
) => Promise<Page>) & {
  /** Every item of every page, following the next cursor until the last page. */
  iterate(...args: [...A, options?: RequestOptions]): AsyncIterableIterator<Item>;
  /** Every page, following the next cursor until the last page. */
  pages(...args: [...A, options?: RequestOptions]): AsyncIterableIterator<Page>;
};
