import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  ArtuAbortError,
  ArtuConnectionError,
  ArtuRateLimitError,
  ArtuResponseParseError,
  ArtuServerError,
  ArtuTimeoutError,
} from "../../src/client/errors";
import { json, startServer, text, type TestServer } from "./support/server";
import { fastTiming, testClient } from "./support/descriptors";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  server.connections = 0;
  server.destroyOnConnect(false);
});

/** Answers with `statuses[i]` for the i-th request, then 200. */
function sequence(statuses: number[], headers: Record<string, string> = {}) {
  server.handle((request, response, index) => {
    const status = statuses[index];
    if (status === undefined) return json(response, 200, { ok: true, attempt: index + 1 });
    json(response, status, { code: "X", message: `attempt ${index + 1}` }, headers);
  });
}

describe("retries by status", () => {
  it("503 then 200: an idempotent GET succeeds on the second attempt", async () => {
    sequence([503]);
    const delays: number[] = [];
    const artu = testClient({ baseUrl: server.url }, fastTiming(delays));
    await expect(artu.clients.retrieve({ id: "c1" })).resolves.toEqual({ ok: true, attempt: 2 });
    expect(server.requests.length).toBe(2);
    expect(delays).toEqual([5]); // full jitter: 0.5 × min(40, 10 × 2^0)
  });

  it("503 on a non-idempotent POST is not retried (it may have been applied)", async () => {
    sequence([503]);
    const artu = testClient({ baseUrl: server.url });
    const error = await artu.clients.promote({ id: "c1" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ArtuServerError);
    expect((error as ArtuServerError).message).toBe(
      "clients.promote (POST /clients/{id}/promote) failed with 503 X: attempt 1; not retried: clients.promote is not idempotent and may have been applied (pass retryNonIdempotent: true if repeating it is safe)",
    );
    expect(server.requests.length).toBe(1);
  });

  it("501 and 505 are not retried, even for an idempotent GET or with retryNonIdempotent", async () => {
    for (const status of [501, 505]) {
      sequence([status, status, status]);
      server.requests.length = 0;
      const artu = testClient({ baseUrl: server.url, maxRetries: 3 });
      const error = (await artu.clients.retrieve({ id: "c1" }).catch((e: unknown) => e)) as ArtuServerError;
      expect(error).toBeInstanceOf(ArtuServerError);
      expect(error.status).toBe(status);
      expect(error.attempts).toBe(1);
      await expect(artu.clients.create({}, { retryNonIdempotent: true })).rejects.toBeInstanceOf(ArtuServerError);
      expect(server.requests.length).toBe(2);
    }
  });

  it("retryNonIdempotent opts a POST in", async () => {
    sequence([500, 502]);
    const artu = testClient({ baseUrl: server.url });
    await expect(artu.clients.create({ externalId: "e1" }, { retryNonIdempotent: true })).resolves.toEqual({ ok: true, attempt: 3 });
    expect(server.requests.length).toBe(3);
  });

  it("gives up after maxRetries and says how many attempts were made", async () => {
    sequence([500, 500, 500, 500, 500]);
    const artu = testClient({ baseUrl: server.url, maxRetries: 3 });
    const error = (await artu.clients.retrieve({ id: "c1" }).catch((e: unknown) => e)) as ArtuServerError;
    expect(server.requests.length).toBe(4);
    expect(error.attempts).toBe(4);
    expect(error.message).toMatch(/failed with 500 X: attempt 4 after 4 attempts$/);
    sequence([500, 500]);
    server.requests.length = 0;
    await expect(artu.clients.retrieve({ id: "c1" }, { maxRetries: 0 })).rejects.toBeInstanceOf(ArtuServerError);
    expect(server.requests.length).toBe(1);
  });

  it("429 with Retry-After in seconds is retried for every operation, after the time the server asked", async () => {
    sequence([429, 429], { "retry-after": "2" });
    const delays: number[] = [];
    const artu = testClient({ baseUrl: server.url }, fastTiming(delays));
    await expect(artu.clients.promote({ id: "c1" })).resolves.toEqual({ ok: true, attempt: 3 });
    expect(server.requests.length).toBe(3);
    expect(delays).toEqual([2000, 2000]);
  });

  it("429 with Retry-After as an HTTP date", async () => {
    const at = new Date(Date.now() + 30_000).toUTCString();
    sequence([429], { "retry-after": at });
    const delays: number[] = [];
    const artu = testClient({ baseUrl: server.url }, fastTiming(delays));
    await expect(artu.clients.create({ name: "x" })).resolves.toEqual({ ok: true, attempt: 2 });
    expect(delays.length).toBe(1);
    expect(delays[0]).toBeGreaterThan(28_000);
    expect(delays[0]).toBeLessThanOrEqual(30_000);
  });

  it("really waits: Retry-After: 1 delays the second attempt by about a second", async () => {
    sequence([429], { "retry-after": "1" });
    const artu = testClient({ baseUrl: server.url }, fastTiming([], true));
    const started = performance.now();
    await artu.clients.retrieve({ id: "c1" });
    expect(performance.now() - started).toBeGreaterThanOrEqual(990);
  });

  it("a Retry-After beyond 60 s is not waited for: the caller gets the error with retryAfter", async () => {
    sequence([429], { "retry-after": "3600" });
    const artu = testClient({ baseUrl: server.url });
    const error = (await artu.clients.retrieve({ id: "c1" }).catch((e: unknown) => e)) as ArtuRateLimitError;
    expect(error).toBeInstanceOf(ArtuRateLimitError);
    expect(error.retryAfter).toBe(3600);
    expect(server.requests.length).toBe(1);
  });

  it("404 and malformed 2xx JSON are never retried", async () => {
    sequence([404]);
    const artu = testClient({ baseUrl: server.url });
    await expect(artu.clients.retrieve({ id: "c1" })).rejects.toThrow(/failed with 404/);
    expect(server.requests.length).toBe(1);
    server.requests.length = 0;
    server.handle((_, response) => text(response, 200, "{not json", { "content-type": "application/json" }));
    await expect(artu.clients.retrieve({ id: "c1" })).rejects.toBeInstanceOf(ArtuResponseParseError);
    await expect(artu.clients.create({ name: "x" })).rejects.toBeInstanceOf(ArtuResponseParseError);
    expect(server.requests.length).toBe(2);
  });
});

describe("connection failures", () => {
  it("connection reset while connecting (before the request is sent): retried for every operation, nothing received", async () => {
    // A fresh server, so that no kept-alive connection from another test is reused.
    const resetting = await startServer();
    try {
      resetting.destroyOnConnect(true);
      const artu = testClient({ baseUrl: resetting.url });
      const getError = await artu.clients.retrieve({ id: "c1" }).catch((e: unknown) => e);
      expect(getError).toBeInstanceOf(ArtuConnectionError);
      expect((getError as ArtuConnectionError).code).toBe("ECONNRESET");
      expect((getError as ArtuConnectionError).attempts).toBe(3);
      expect(resetting.connections).toBe(3);
      resetting.connections = 0;
      const postError = await artu.clients.promote({ id: "c1" }).catch((e: unknown) => e);
      expect(postError).toBeInstanceOf(ArtuConnectionError);
      expect(resetting.connections).toBe(3);
      expect(resetting.requests.length).toBe(0);
      // Once the server accepts again, the (non-idempotent) POST is received exactly once.
      resetting.destroyOnConnect(false);
      resetting.connections = 0;
      await expect(artu.clients.promote({ id: "c1" })).resolves.toEqual({});
      expect(resetting.requests.map((r) => `${r.method} ${r.url}`)).toEqual(["POST /clients/c1/promote"]);
    } finally {
      await resetting.close();
    }
  });

  it("connection reset after the body was received: the POST reached the server once and is not repeated", async () => {
    server.handle((request, response) => {
      response.socket?.destroy();
    });
    const artu = testClient({ baseUrl: server.url });
    const error = (await artu.clients.migrate({ id: "c1" }, { to: "live" }).catch((e: unknown) => e)) as ArtuConnectionError;
    expect(error).toBeInstanceOf(ArtuConnectionError);
    expect(error.message).toMatch(/^clients\.migrate \(POST \/clients\/\{id\}\/migrate\) could not get a response from http:\/\/127\.0\.0\.1:\d+\/clients\/c1\/migrate: /);
    expect(server.requests.map((r) => [r.method, r.url, r.body])).toEqual([["POST", "/clients/c1/migrate", '{"to":"live"}']]);
    server.requests.length = 0;
    await expect(artu.clients.retrieve({ id: "c1" })).rejects.toBeInstanceOf(ArtuConnectionError);
    expect(server.requests.length).toBe(3);
  });

  it("connection refused (nothing sent) is retried even for a non-idempotent POST", async () => {
    const closed = await startServer();
    const url = closed.url;
    await closed.close();
    const delays: number[] = [];
    const artu = testClient({ baseUrl: url }, fastTiming(delays));
    const error = (await artu.clients.promote({ id: "c1" }).catch((e: unknown) => e)) as ArtuConnectionError;
    expect(error).toBeInstanceOf(ArtuConnectionError);
    expect(error.code).toBe("ECONNREFUSED");
    expect(error.attempts).toBe(3);
    expect(delays.length).toBe(2);
  });
});

describe("timeouts and cancellation", () => {
  it("a hanging response times out per attempt: ArtuTimeoutError, retried only when idempotent", async () => {
    server.handle(() => undefined); // never answers
    const artu = testClient({ baseUrl: server.url, timeoutMs: 100 });
    const error = (await artu.clients.retrieve({ id: "c1" }).catch((e: unknown) => e)) as ArtuTimeoutError;
    expect(error).toBeInstanceOf(ArtuTimeoutError);
    expect(error.timeoutMs).toBe(100);
    expect(error.message).toMatch(/clients\.retrieve \(GET \/clients\/\{id\}\) timed out: no response within 100 ms after 3 attempts/);
    expect(server.requests.length).toBe(3);
    server.requests.length = 0;
    const postError = await artu.clients.create({ name: "x" }, { timeoutMs: 50 }).catch((e: unknown) => e);
    expect(postError).toBeInstanceOf(ArtuTimeoutError);
    expect((postError as ArtuTimeoutError).timeoutMs).toBe(50);
    expect(server.requests.length).toBe(1);
  });

  it("a response that stalls half-way through its body also times out", async () => {
    server.handle((_, response) => {
      response.writeHead(200, { "content-type": "application/json", "content-length": "100" });
      response.write('{"id": "c');
    });
    const artu = testClient({ baseUrl: server.url, timeoutMs: 100, maxRetries: 0 });
    await expect(artu.clients.retrieve({ id: "c1" })).rejects.toBeInstanceOf(ArtuTimeoutError);
  });

  it("the caller's signal aborts a request in flight with ArtuAbortError, not a timeout", async () => {
    server.handle(() => undefined);
    const artu = testClient({ baseUrl: server.url, timeoutMs: 5_000 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error("user went away")), 50);
    const error = (await artu.clients.retrieve({ id: "c1" }, { signal: controller.signal }).catch((e: unknown) => e)) as ArtuAbortError;
    expect(error).toBeInstanceOf(ArtuAbortError);
    expect(error.message).toBe("clients.retrieve (GET /clients/{id}) was aborted by the caller's signal during the request");
    expect((error.cause as Error).message).toBe("user went away");
    expect(server.requests.length).toBe(1);
  });

  it("the caller's signal interrupts a backoff wait at once", async () => {
    sequence([429], { "retry-after": "30" });
    const artu = testClient({ baseUrl: server.url }, fastTiming([], true));
    const controller = new AbortController();
    const started = performance.now();
    setTimeout(() => controller.abort(), 100);
    const error = (await artu.clients.retrieve({ id: "c1" }, { signal: controller.signal }).catch((e: unknown) => e)) as ArtuAbortError;
    expect(error).toBeInstanceOf(ArtuAbortError);
    expect(error.message).toMatch(/aborted by the caller's signal while waiting to retry \(after attempt 1: .*failed with 429/);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(server.requests.length).toBe(1);
  });

  it("an already aborted signal sends nothing", async () => {
    const artu = testClient({ baseUrl: server.url });
    await expect(artu.clients.retrieve({ id: "c1" }, { signal: AbortSignal.abort() })).rejects.toBeInstanceOf(ArtuAbortError);
    expect(server.requests.length).toBe(0);
  });
});
