/**
 * The transport of a client with middleware: every attempt goes through
 * openapi-fetch's `raw.request`, so middleware sees every request and every
 * retry. Loaded lazily by transport.ts.
 */
import type { Client } from "openapi-fetch";
import type { Transport } from "./transport";

// openapi-fetch's client is typed by `paths`; the transport only forwards runtime values.
type AnyClient = Client<any>;

export function openapiFetchTransport(raw: AnyClient): Transport {
  return async (request, signal) => {
    const { prepared, redirectPath } = request;
    const result = await (raw.request as (method: string, path: string, init: object) => Promise<OpenapiFetchResult>)(
      prepared.descriptor.method,
      redirectPath ?? prepared.path,
      {
        // A followed redirect's target is a complete path and query already.
        params: redirectPath === undefined ? { path: request.params ?? {}, query: request.query } : {},
        body: request.body,
        bodySerializer: () => request.bodyText,
        headers: request.headers,
        redirect: "manual",
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
