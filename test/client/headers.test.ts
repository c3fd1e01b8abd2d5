import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ArtuError } from "../../src/client/errors";
import { json, startServer, type TestServer } from "./support/server";
import { API_KEY, testClient } from "./support/descriptors";

let server: TestServer;
beforeAll(async () => {
  server = await startServer((request, response) => json(response, 200, { id: "c1", echo: request.url }));
});
afterAll(() => server.close());

describe("request headers", () => {
  it("sends Authorization, X-Environment and Accept, and Content-Type only with a body", async () => {
    const artu = testClient({ baseUrl: server.url, environment: "live" });
    const before = server.requests.length;
    await artu.clients.retrieve({ id: "c1" });
    await artu.clients.create({ name: "Ada" });
    const [get, post] = server.requests.slice(before);
    expect(get!.method).toBe("GET");
    expect(get!.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(get!.headers["x-environment"]).toBe("live");
    expect(get!.headers.accept).toBe("application/json");
    expect(get!.headers["content-type"]).toBeUndefined();
    expect(post!.method).toBe("POST");
    expect(post!.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(post!.body)).toEqual({ name: "Ada" });
  });

  it("resolves a key function before every request", async () => {
    let calls = 0;
    const artu = testClient({ baseUrl: server.url, apiKey: async () => `sk_rotating_${++calls}` });
    const before = server.requests.length;
    await artu.clients.retrieve({ id: "a" });
    await artu.clients.retrieve({ id: "b" });
    expect(server.requests.slice(before).map((r) => r.headers.authorization)).toEqual(["Bearer sk_rotating_1", "Bearer sk_rotating_2"]);
  });

  it("adds default and per-request headers but never lets them replace Authorization or X-Environment", async () => {
    const artu = testClient({ baseUrl: server.url, defaultHeaders: { "X-Team": "kyc" } });
    const before = server.requests.length;
    await artu.clients.retrieve({ id: "a" }, { headers: { "X-Trace": "t1" } });
    const [request] = server.requests.slice(before);
    expect(request!.headers["x-team"]).toBe("kyc");
    expect(request!.headers["x-trace"]).toBe("t1");
    await expect(artu.clients.retrieve({ id: "a" }, { headers: { "X-Environment": "live" } })).rejects.toThrow(
      /clients.retrieve options: headers.X-Environment cannot be set/,
    );
    expect(() => testClient({ baseUrl: server.url, defaultHeaders: { authorization: "Bearer other" } })).toThrow(
      /defaultHeaders.authorization cannot be set/,
    );
  });

  it("encodes path parameters and serializes query arrays and objects as artu.raw does", async () => {
    const artu = testClient({ baseUrl: server.url });
    const before = server.requests.length;
    await artu.addresses.listForClient({ clientId: "a/b c", limit: 5, type: ["home", "work"], filter: { scope: "MX" } });
    await artu.raw.GET("/clients/{clientId}/addresses" as never, {
      params: { path: { clientId: "a/b c" }, query: { limit: 5, type: ["home", "work"], filter: { scope: "MX" } } },
    } as never);
    const [generated, raw] = server.requests.slice(before);
    expect(generated!.url).toBe("/clients/a%2Fb%20c/addresses?limit=5&type=home&type=work&filter[scope]=MX");
    expect(generated!.url).toBe(raw!.url);
    expect(raw!.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(raw!.headers["x-environment"]).toBe("test");
  });

  it("refuses a missing path parameter and an unknown parameter before sending", async () => {
    const artu = testClient({ baseUrl: server.url });
    const before = server.requests.length;
    await expect(artu.clients.promote({ id: "" })).rejects.toThrow('clients.promote: path parameter "id" is required and was an empty string');
    await expect(artu.clients.promote({} as { id: string })).rejects.toThrow('clients.promote: path parameter "id" is required and was undefined');
    await expect(artu.addresses.listForClient({ clientId: "c", limt: 5 } as never)).rejects.toThrow(
      'addresses.listForClient: unknown parameter "limt"; expected one of clientId, cursor, limit, filter, type',
    );
    expect(server.requests.length).toBe(before);
  });

  it("returns undefined for an empty 2xx body", async () => {
    server.handle((_, response) => {
      response.writeHead(204);
      response.end();
    });
    try {
      const artu = testClient({ baseUrl: server.url });
      await expect(artu.clients.retrieve({ id: "x" })).resolves.toBeUndefined();
    } finally {
      server.handle((request, response) => json(response, 200, { id: "c1", echo: request.url }));
    }
  });
});

describe("options validation", () => {
  const base = { apiKey: API_KEY, baseUrl: "http://127.0.0.1:1" };

  it("requires environment and accepts only test or live", () => {
    expect(() => testClient({ ...base, environment: undefined as never })).toThrow(
      /createArtuClient: environment is required: pass environment: "test" or environment: "live"/,
    );
    expect(() => testClient({ ...base, environment: "production" as never })).toThrow(
      'createArtuClient: environment must be "test" or "live", got "production"',
    );
    expect(() => testClient({ ...base, environment: "LIVE" as never })).toThrow(ArtuError);
    expect(testClient({ ...base, environment: "live" }).environment).toBe("live");
  });

  it("rejects a missing or malformed key without quoting it", () => {
    expect(() => testClient({ ...base, apiKey: "" })).toThrow(/apiKey is required/);
    let error: unknown;
    try {
      testClient({ ...base, apiKey: "sk_test_secret_value\n" });
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(ArtuError);
    expect(String(error)).toMatch(/apiKey contains whitespace or characters not allowed/);
    expect(String(error)).not.toContain("sk_test_secret_value");
  });

  it("checks baseUrl, timeoutMs, maxRetries", () => {
    expect(() => testClient({ ...base, baseUrl: "api.artu.ai" })).toThrow('baseUrl must be an absolute http(s) URL, got "api.artu.ai"');
    expect(() => testClient({ ...base, baseUrl: "https://user:pw@api.artu.ai" })).toThrow(/must not contain credentials/);
    expect(() => testClient({ ...base, timeoutMs: 0 })).toThrow("timeoutMs must be a positive number of milliseconds, got 0");
    expect(() => testClient({ ...base, maxRetries: -1 })).toThrow("maxRetries must be an integer from 0 to 10, got -1");
  });

  it("maxRetries is an integer from 0 to 10, per client and per request", async () => {
    for (const bad of [11, 1e9, Infinity, 1.5, Number.NaN, "3"]) {
      expect(() => testClient({ ...base, maxRetries: bad as number })).toThrow(/^createArtuClient: maxRetries must be an integer from 0 to 10, got /);
    }
    expect(() => testClient({ ...base, maxRetries: 10 })).not.toThrow();
    const artu = testClient({ baseUrl: server.url });
    server.requests.length = 0;
    await expect(artu.clients.retrieve({ id: "x" }, { maxRetries: 1000 })).rejects.toThrow(
      "clients.retrieve options: maxRetries must be an integer from 0 to 10, got 1000",
    );
    expect(server.requests).toEqual([]);
  });

  it("an apiKey function returning a bad value fails the request with a clear error", async () => {
    const artu = testClient({ baseUrl: server.url, apiKey: () => "" });
    await expect(artu.clients.retrieve({ id: "x" })).rejects.toThrow(/clients.retrieve: the apiKey function's result is required/);
  });
});
