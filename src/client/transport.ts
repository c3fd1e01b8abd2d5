/**
 * Sending one attempt. Two ways, same bytes on the wire:
 * - direct: the URL string and a plain init straight to `fetch` (no Request
 *   object, no header merging): the hot path, used when there is no middleware;
 * - through openapi-fetch (`raw.request`), when the caller configured
 *   middleware, so that middleware sees every request and every retry.
 * Both read the body as text under the attempt's signal, so the timeout covers
 * a response that stalls half-way.
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
}

export type Transport = (request: AttemptRequest, signal: AbortSignal) => Promise<ReceivedResponse>;

export function directTransport(fetchImpl: typeof globalThis.fetch): Transport {
  return async (request, signal) => {
    const method = request.prepared.method;
    const response = await fetchImpl(request.url, {
      method,
      headers: request.headers as Record<string, string>,
      body: request.bodyText,
      signal,
    });
    const text = response.status === 204 || method === "HEAD" ? "" : await response.text();
    return { status: response.status, headers: response.headers, text };
  };
}

// openapi-fetch's client is typed by `paths`; the transport only forwards runtime values.
type AnyClient = Client<any>;

export function openapiFetchTransport(raw: AnyClient): Transport {
  return async (request, signal) => {
    const { prepared } = request;
    const result = await (raw.request as (method: string, path: string, init: object) => Promise<OpenapiFetchResult>)(
      prepared.descriptor.method,
      prepared.path,
      {
        params: { path: request.params ?? {}, query: request.query },
        body: request.body,
        bodySerializer: () => request.bodyText,
        headers: request.headers,
        signal,
        parseAs: "stream",
      },
    );
    const { response } = result;
    let text: string;
    if (response.ok) text = result.data === undefined ? "" : await response.text();
    else text = result.error === undefined ? "" : typeof result.error === "string" ? result.error : JSON.stringify(result.error);
    return { status: response.status, headers: response.headers, text };
  };
}

interface OpenapiFetchResult {
  readonly data?: unknown;
  readonly error?: unknown;
  readonly response: Response;
}
