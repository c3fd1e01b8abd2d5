/**
 * createArtuClient with the generated resources, against a test server: the
 * generated descriptors drive the wire (paths, positional args, pagination,
 * batches, idempotency) exactly as the hand-written ones do.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createArtuClient, ArtuServerError, clientsPromoteOperation, type ArtuClient } from "../../src/index";
import { json, startServer, type TestServer } from "./support/server";
import { API_KEY } from "./support/descriptors";

let server: TestServer;
let artu: ArtuClient;
beforeAll(async () => {
  server = await startServer();
  artu = createArtuClient({ apiKey: API_KEY, environment: "test", baseUrl: server.url, maxRetries: 1 });
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

describe("createArtuClient (generated resources)", () => {
  it("clients.promote(params) and clients.migrate(params, body) map to their paths", async () => {
    server.handle((request, response) => json(response, 200, { id: "c1", status: "completed" }));
    await artu.clients.promote({ id: "c1" });
    await artu.clients.migrate({ id: "c1" }, { to: "live" } as never);
    expect(server.requests.map((r) => `${r.method} ${r.url} ${r.body}`)).toEqual([
      "POST /clients/c1/promote ",
      'POST /clients/c1/migrate {"to":"live"}',
    ]);
    expect(server.requests[0]!.headers["x-environment"]).toBe("test");
    expect(artu.environment).toBe("test");
  });

  it("a generated non-idempotent POST is not retried on 500; request() takes a generated descriptor", async () => {
    server.handle((_, response) => json(response, 500, { code: "INTERNAL", message: "boom" }));
    await expect(artu.clients.promote({ id: "c1" })).rejects.toBeInstanceOf(ArtuServerError);
    await expect(artu.request(clientsPromoteOperation, { id: "c2" })).rejects.toBeInstanceOf(ArtuServerError);
    expect(server.requests.map((r) => r.url)).toEqual(["/clients/c1/promote", "/clients/c2/promote"]);
  });

  it("addresses.listForClient.iterate follows the query cursor", async () => {
    server.handle((request, response) => {
      const cursor = new URL(request.url, "http://x").searchParams.get("cursor");
      const index = cursor === null ? 0 : Number(cursor);
      json(response, 200, { data: [{ id: `a${index}` }], pagination: { hasMore: index < 2, nextCursor: index < 2 ? String(index + 1) : null } });
    });
    const ids: string[] = [];
    for await (const address of artu.addresses.listForClient.iterate({ clientId: "c1" })) ids.push(address.id);
    expect(ids).toEqual(["a0", "a1", "a2"]);
    expect(server.requests.map((r) => r.url)).toEqual(["/clients/c1/addresses", "/clients/c1/addresses?cursor=1", "/clients/c1/addresses?cursor=2"]);
  });

  it("clients.createMany chunks 600 items with atomic: false and refuses them atomically", async () => {
    server.handle((request, response) => json(response, 200, { atomic: false, data: JSON.parse(request.body).items }));
    const items = Array.from({ length: 600 }, (_, i) => ({ name: `n${i}`, type: "individual" }));
    const result = await artu.clients.createMany({ items, atomic: false } as never);
    expect(server.requests.map((r) => JSON.parse(r.body).items.length)).toEqual([250, 250, 100]);
    expect(result.data.length).toBe(600);
    await expect(artu.clients.createMany({ items } as never)).rejects.toThrow(/atomic defaults to true/);
    expect(server.requests.length).toBe(3);
  });

  it("artu.raw reaches any path with the same auth and environment", async () => {
    server.handle((_, response) => json(response, 200, { id: "c1" }));
    const { data } = await artu.raw.GET("/clients/{id}", { params: { path: { id: "c1" } } });
    expect(data).toEqual({ id: "c1" });
    expect(server.requests[0]!.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(server.requests[0]!.headers["x-environment"]).toBe("test");
  });
});
