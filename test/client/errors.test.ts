import { inspect } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ArtuApiError,
  ArtuAuthenticationError,
  ArtuConflictError,
  ArtuError,
  ArtuNotFoundError,
  ArtuPermissionError,
  ArtuRateLimitError,
  ArtuResponseParseError,
  ArtuServerError,
  ArtuValidationError,
} from "../../src/client/errors";
import { REDACTED } from "../../src/client/redact";
import { json, startServer, text, type TestServer } from "./support/server";
import { API_KEY, testClient } from "./support/descriptors";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

const CODES: Record<number, string> = {
  400: "VALIDATION_ERROR",
  401: "UNAUTHORIZED",
  403: "FORBIDDEN",
  404: "NOT_FOUND",
  409: "CONFLICT",
  422: "VALIDATION_ERROR",
  429: "RATE_LIMITED",
  500: "INTERNAL",
  503: "UNAVAILABLE",
};
const CLASSES = {
  400: ArtuValidationError,
  401: ArtuAuthenticationError,
  403: ArtuPermissionError,
  404: ArtuNotFoundError,
  409: ArtuConflictError,
  422: ArtuValidationError,
  429: ArtuRateLimitError,
  500: ArtuServerError,
  503: ArtuServerError,
} as const;

async function failure(promise: Promise<unknown>): Promise<ArtuError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ArtuError);
    return error as ArtuError;
  }
  throw new Error("expected the call to fail");
}

describe("error classes per status", () => {
  for (const [status, ErrorClass] of Object.entries(CLASSES)) {
    it(`${status} → ${ErrorClass.name} with requestId, code and the operation`, async () => {
      server.handle((_, response) =>
        json(response, Number(status), { code: CODES[Number(status)], message: `status ${status} happened` }, { "x-request-id": `req_${status}` }),
      );
      const artu = testClient({ baseUrl: server.url, maxRetries: 0 });
      const error = (await failure(artu.clients.promote({ id: "c 1" }))) as ArtuApiError;
      expect(error).toBeInstanceOf(ErrorClass);
      expect(error).toBeInstanceOf(ArtuApiError);
      expect(error.name).toBe(ErrorClass.name);
      expect(error.status).toBe(Number(status));
      expect(error.requestId).toBe(`req_${status}`);
      expect(error.code).toBe(CODES[Number(status)]);
      expect(error.operationId).toBe("clients.promote");
      expect(error.method).toBe("POST");
      expect(error.path).toBe("/clients/{id}/promote");
      expect(error.url).toBe(`${server.url}/clients/c%201/promote`);
      expect(error.message).toBe(
        `clients.promote (POST /clients/{id}/promote) failed with ${status} ${CODES[Number(status)]}: status ${status} happened [request req_${status}]`,
      );
    });
  }

  it("takes requestId from the body when the header is absent", async () => {
    server.handle((_, response) => json(response, 404, { code: "NOT_FOUND", message: "Client not found", requestId: "req_body" }));
    const error = (await failure(testClient({ baseUrl: server.url }).clients.promote({ id: "x" }))) as ArtuApiError;
    expect(error.requestId).toBe("req_body");
    expect(error.message).toBe("clients.promote (POST /clients/{id}/promote) failed with 404 NOT_FOUND: Client not found [request req_body]");
  });

  it("a validation error lists the first issues with their paths", async () => {
    const issues = Array.from({ length: 7 }, (_, i) => ({ path: `/body/items/${i}/type`, message: "must be one of home, work" }));
    server.handle((_, response) => json(response, 422, { code: "VALIDATION_ERROR", message: "Invalid request", issues }, { "x-request-id": "req_v" }));
    const error = (await failure(testClient({ baseUrl: server.url }).clients.create({}))) as ArtuValidationError;
    expect(error.issues).toEqual(issues);
    expect(error.message).toBe(
      "clients.create (POST /clients) failed with 422 VALIDATION_ERROR: Invalid request (" +
        issues.slice(0, 5).map((issue) => `${issue.path}: ${issue.message}`).join("; ") +
        "; and 2 more) [request req_v]",
    );
  });

  it("429 carries retryAfter in seconds", async () => {
    server.handle((_, response) => json(response, 429, { code: "RATE_LIMITED", message: "slow down" }, { "retry-after": "120" }));
    const error = (await failure(testClient({ baseUrl: server.url }).clients.retrieve({ id: "x" }))) as ArtuRateLimitError;
    expect(error).toBeInstanceOf(ArtuRateLimitError);
    expect(error.retryAfter).toBe(120);
    expect(error.attempts).toBe(1);
  });

  it("a non-JSON error body gives a typed error with the truncated text", async () => {
    const page = `<html>${"Bad gateway ".repeat(100)}</html>`;
    server.handle((_, response) => text(response, 502, page));
    const error = (await failure(testClient({ baseUrl: server.url, maxRetries: 0 }).clients.retrieve({ id: "x" }))) as ArtuServerError;
    expect(error).toBeInstanceOf(ArtuServerError);
    expect(error.code).toBeUndefined();
    expect(error.body).toBe(`${page.slice(0, 500)}… (${page.length} characters)`);
    expect(error.message).toContain("clients.retrieve (GET /clients/{id}) failed with 502: <html>Bad gateway");
  });

  it("malformed JSON in a 2xx is an ArtuResponseParseError naming the operation", async () => {
    server.handle((_, response) => text(response, 200, '{"id": "c1", "name": ', { "content-type": "application/json", "x-request-id": "req_p" }));
    const error = (await failure(testClient({ baseUrl: server.url }).clients.retrieve({ id: "c1" }))) as ArtuResponseParseError;
    expect(error).toBeInstanceOf(ArtuResponseParseError);
    expect(error).toBeInstanceOf(ArtuApiError);
    expect(error.status).toBe(200);
    expect(error.requestId).toBe("req_p");
    expect(error.body).toBe('{"id": "c1", "name": ');
    expect(error.message).toMatch(/^clients\.retrieve \(GET \/clients\/\{id\}\) returned 200 with a body that is not valid JSON \(.+\) \[request req_p\]; body starts: /);
  });
});

describe("the API key never leaks", () => {
  function assertNoKey(error: unknown, lines: string[]) {
    const views = [
      (error as Error).message,
      String(error),
      JSON.stringify(error),
      JSON.stringify((error as ArtuError).toJSON()),
      inspect(error, { depth: 10 }),
      (error as Error).stack ?? "",
      ...lines,
    ];
    for (const view of views) expect(view).not.toContain(API_KEY);
  }

  it("not in errors (even when the server echoes the request) nor in log lines", async () => {
    // A misbehaving proxy that echoes the request headers in its error body and a header.
    server.handle((request, response) =>
      json(response, 500, { code: "INTERNAL", message: `echo ${request.headers.authorization}`, headers: request.headers }, {
        "x-echo": String(request.headers.authorization),
      }),
    );
    const lines: string[] = [];
    const record = (message: string, details?: unknown) => lines.push(`${message} ${JSON.stringify(details)}`);
    const artu = testClient({ baseUrl: server.url, maxRetries: 1, logger: { debug: record, info: record, warn: record, error: record } });
    const error = (await failure(artu.clients.retrieve({ id: "x" }))) as ArtuServerError;
    expect(error.message).toContain(`echo Bearer ${REDACTED}`);
    expect(error.headers["x-echo"]).toBe(`Bearer ${REDACTED}`);
    expect(lines.some((line) => line.includes(`"authorization":"${REDACTED}"`))).toBe(true);
    expect(lines.filter((line) => line.startsWith("artu → GET")).length).toBe(2);
    expect(lines.some((line) => line.startsWith("artu ↻ clients.retrieve (GET /clients/{id}) got 500; retrying in"))).toBe(true);
    assertNoKey(error, lines);
  });

  it("not in connection errors", async () => {
    const lines: string[] = [];
    const record = (message: string, details?: unknown) => lines.push(`${message} ${JSON.stringify(details)}`);
    const artu = testClient({ baseUrl: "http://127.0.0.1:1", maxRetries: 1, logger: { debug: record, info: record } });
    const error = await failure(artu.clients.retrieve({ id: "x" }));
    expect(error.name).toBe("ArtuConnectionError");
    assertNoKey(error, lines);
  });

  it("not when fetch itself quotes the header value", async () => {
    // A key function returning a value fetch rejects is caught by validation first; a custom fetch quoting the key is scrubbed.
    const artu = testClient({
      baseUrl: server.url,
      fetch: (async (_url: string, init: RequestInit) => {
        throw new TypeError(`Invalid header value: ${(init.headers as Record<string, string>).authorization}`);
      }) as unknown as typeof fetch,
    });
    const error = await failure(artu.clients.retrieve({ id: "x" }));
    expect(error.message).toBe(`clients.retrieve (GET /clients/{id}) could not be sent: Invalid header value: Bearer ${REDACTED}`);
    // The cause is a copy with the scrubbed message: the original quotes the key.
    expect(error.cause).toBeInstanceOf(Error);
    expect((error.cause as Error).name).toBe("TypeError");
    expect((error.cause as Error).message).toBe(`Invalid header value: Bearer ${REDACTED}`);
    assertNoKey(error, []);
  });
});
