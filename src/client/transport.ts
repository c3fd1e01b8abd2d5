/**
 * Sending one attempt. Two ways, same bytes on the wire:
 * - direct: the URL string and a plain init straight to `fetch` (no Request
 *   object, no header merging): the hot path, used when there is no middleware;
 * - through openapi-fetch (`raw.request`, middleware-transport.ts), when the
 *   caller configured middleware, so that middleware sees every request and
 *   every retry.
 * Both read the body as text under the attempt's signal, so the timeout covers
 * a response that stalls half-way, and both leave redirects to the client
 * (`redirect: "manual"`, see redirect.ts).
 */
import type { Client } from "openapi-fetch";
import type { PreparedOperation } from "./prepared-operation";
import type { ReceivedResponse } from "./response-error";

export interface AttemptRequest {
  readonly prepared: PreparedOperation;
  readonly url: string;
  /** The flat params (path values are looked up by name in them). */
  readonly params: Readonly<Record<string, unknown>> | undefined;
  readonly query: Readonly<Record<string, unknown>> | undefined;
  /** Complete request headers, lower-case names. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;
  readonly bodyText: string | undefined;
  /** Set when following a redirect (redirect.ts): the target relative to the base URL; `url` is then the absolute target. */
  readonly redirectPath?: string;
}

export type Transport = (request: AttemptRequest, signal: AbortSignal) => Promise<ReceivedResponse>;

export function directTransport(fetchImpl: typeof globalThis.fetch): Transport {
  return async (request, signal) => {
    const method = request.prepared.method;
    const response = await fetchImpl(request.url, {
      method,
      headers: request.headers as Record<string, string>,
      body: request.bodyText,
      redirect: "manual",
      signal,
    });
    const text = response.status === 204 || method === "HEAD" ? "" : await response.text();
    return { status: response.status, headers: response.headers, text };
  };
}

/**
 * The openapi-fetch transport of a client with middleware, loaded with its
 * first request (middleware-transport.ts), so that clients without
 * middleware do not carry it.
 */
export function middlewareTransport(raw: Client<any>): Transport {
  let loading: Promise<Transport> | undefined;
  return async (request, signal) => {
    loading ??= import("./middleware-transport").then(({ openapiFetchTransport }) => openapiFetchTransport(raw));
    return (await loading)(request, signal);
  };
}
