/**
 * An apiKey function is the caller's code: one that hangs is bounded by
 * timeoutMs and by the caller's signal, one that throws or returns no usable
 * key fails with a clear ArtuError; in every case nothing reaches the server.
 */
import { describe, expect, it } from "vitest";
import { ArtuAbortError, ArtuError } from "../../src/client/errors";
import { json, serveDuringTests, type TestServer } from "./support/server";
import { API_KEY, testClient } from "./support/descriptors";

let server: TestServer;
serveDuringTests((started) => (server = started), (_, response) => json(response, 200, { ok: true }));

const failure = (promise: Promise<unknown>) => promise.then(() => undefined, (error: unknown) => error as Error);

describe("apiKey function", () => {
  it("one that never settles ends at timeoutMs, and nothing is sent", async () => {
    let calls = 0;
    const artu = testClient({ baseUrl: server.url, timeoutMs: 50, apiKey: () => (calls++, new Promise<string>(() => {})) });
    const started = performance.now();
    const error = await failure(artu.clients.retrieve({ id: "c1" }));
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(error).toBeInstanceOf(ArtuError);
    expect(error!.message).toBe(
      "clients.retrieve (GET /clients/{id}): the apiKey function did not return a key within 50 ms (timeoutMs); nothing was sent",
    );
    expect(calls).toBe(1);
    expect(server.requests).toEqual([]);
  });

  it("the per-request timeoutMs bounds it too", async () => {
    const artu = testClient({ baseUrl: server.url, apiKey: () => new Promise<string>(() => {}) });
    await expect(artu.clients.retrieve({ id: "c1" }, { timeoutMs: 30 })).rejects.toThrow(/within 30 ms \(timeoutMs\); nothing was sent$/);
    expect(server.requests).toEqual([]);
  });

  it("one that never settles ends when the caller's signal aborts", async () => {
    const artu = testClient({ baseUrl: server.url, apiKey: () => new Promise<string>(() => {}) });
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error("user left")), 20);
    const error = await failure(artu.clients.create({ name: "x" }, { signal: controller.signal }));
    expect(error).toBeInstanceOf(ArtuAbortError);
    expect(error!.message).toBe(
      "clients.create (POST /clients) was aborted by the caller's signal while the apiKey function was running; nothing was sent",
    );
    expect((error!.cause as Error).message).toBe("user left");
    expect(server.requests).toEqual([]);
  });

  it("one that throws, or rejects, fails with the cause kept, and is not retried", async () => {
    const vaultDown = new Error("vault unreachable");
    for (const apiKey of [
      () => {
        throw vaultDown;
      },
      async () => {
        throw vaultDown;
      },
    ]) {
      let calls = 0;
      const artu = testClient({ baseUrl: server.url, maxRetries: 3, apiKey: () => (calls++, apiKey()) });
      const error = await failure(artu.clients.retrieve({ id: "c1" }));
      expect(error).toBeInstanceOf(ArtuError);
      expect(error!.message).toBe("clients.retrieve (GET /clients/{id}): the apiKey function failed (Error: vault unreachable); nothing was sent");
      expect(error!.cause).toBe(vaultDown);
      expect(calls).toBe(1);
    }
    expect(server.requests).toEqual([]);
  });

  it("one that returns an empty or non-string value fails clearly, never quoting the value", async () => {
    const cases: [unknown, RegExp][] = [
      ["", /the apiKey function's result is required \(a string, or a function returning one\) and was empty; nothing was sent$/],
      [undefined, /the apiKey function's result is required .* and was undefined; nothing was sent$/],
      [null, /and was null; nothing was sent$/],
      [42, /the apiKey function's result must be a string, got a value of type number; nothing was sent$/],
      [{ key: API_KEY }, /must be a string, got a value of type object; nothing was sent$/],
      [`${API_KEY}\n`, /contains whitespace or characters not allowed in an HTTP header .*; nothing was sent$/],
    ];
    for (const [value, message] of cases) {
      const artu = testClient({ baseUrl: server.url, apiKey: async () => value as string });
      const error = await failure(artu.clients.retrieve({ id: "c1" }));
      expect(error).toBeInstanceOf(ArtuError);
      expect(error!.message).toMatch(/^clients\.retrieve: /);
      expect(error!.message).toMatch(message);
      expect(error!.message).not.toContain(API_KEY);
    }
    expect(server.requests).toEqual([]);
  });

  it("a key function that answers is called per attempt and its key is sent", async () => {
    let calls = 0;
    const artu = testClient({ baseUrl: server.url, apiKey: async () => `${API_KEY}_${++calls}` });
    await artu.clients.retrieve({ id: "c1" });
    await artu.clients.retrieve({ id: "c2" });
    expect(server.requests.map((r) => r.headers.authorization)).toEqual([`Bearer ${API_KEY}_1`, `Bearer ${API_KEY}_2`]);
  });
});
