import type { Middleware } from "openapi-fetch";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ArtuNotFoundError, ArtuResponseParseError, ArtuServerError } from "../../src/client/errors";
import { json, startServer, text, type TestServer } from "./support/server";
import { API_KEY, testClient } from "./support/descriptors";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  server.handle((request, response) => json(response, 200, { ok: true, url: request.url }));
});

function recorder() {
  const seen: { method: string; url: string; schemaPath: string; authorization: string | null; status?: number }[] = [];
  const middleware: Middleware = {
    onRequest({ request, schemaPath }) {
      seen.push({ method: request.method, url: request.url, schemaPath, authorization: request.headers.get("authorization") });
      const signed = new Request(request);
      signed.headers.set("x-signature", `sig-${seen.length}`);
      return signed;
    },
    onResponse({ response }) {
      seen[seen.length - 1]!.status = response.status;
      return undefined;
    },
  };
  return { seen, middleware };
}

describe("with middleware, generated methods go through openapi-fetch", () => {
  it("middleware sees every request, with the client's headers, and can change it", async () => {
    const { seen, middleware } = recorder();
    const artu = testClient({ baseUrl: server.url, middleware: [middleware] });
    await artu.clients.migrate({ id: "c 1" }, { to: "live" });
    expect(seen).toEqual([
      { method: "POST", url: `${server.url}/clients/c%201/migrate`, schemaPath: "/clients/{id}/migrate", authorization: `Bearer ${API_KEY}`, status: 200 },
    ]);
    const [request] = server.requests;
    expect(request!.headers["x-signature"]).toBe("sig-1");
    expect(request!.headers["x-environment"]).toBe("test");
    expect(request!.headers["content-type"]).toBe("application/json");
    expect(request!.body).toBe('{"to":"live"}');
  });

  it("puts the same request on the wire as the direct path", async () => {
    const direct = testClient({ baseUrl: server.url, defaultHeaders: { "x-team": "kyc" } });
    const viaMiddleware = testClient({ baseUrl: server.url, defaultHeaders: { "x-team": "kyc" }, middleware: [{ onRequest: () => undefined }] });
    const params = { clientId: "a/b", limit: 5, type: ["home", "work"], filter: { scope: "MX" } };
    await direct.addresses.listForClient(params, { headers: { "x-trace": "t" } });
    await viaMiddleware.addresses.listForClient(params, { headers: { "x-trace": "t" } });
    const [a, b] = server.requests;
    expect(b!.url).toBe(a!.url);
    const relevant = (headers: Record<string, unknown>) =>
      Object.fromEntries(["authorization", "x-environment", "accept", "content-type", "x-team", "x-trace"].map((name) => [name, headers[name]]));
    expect(relevant(b!.headers)).toEqual(relevant(a!.headers));
  });

  it("retries go through the middleware too, and errors keep their types", async () => {
    server.handle((request, response, index) => (index === 0 ? json(response, 503, { code: "UNAVAILABLE", message: "busy" }) : json(response, 200, { ok: true })));
    const { seen, middleware } = recorder();
    const artu = testClient({ baseUrl: server.url, middleware: [middleware] });
    await expect(artu.clients.retrieve({ id: "x" })).resolves.toEqual({ ok: true });
    expect(seen.map((entry) => entry.status)).toEqual([503, 200]);

    server.handle((_, response) => json(response, 404, { code: "NOT_FOUND", message: "Client not found" }, { "x-request-id": "req_m" }));
    const notFound = await artu.clients.retrieve({ id: "x" }).catch((e: unknown) => e);
    expect(notFound).toBeInstanceOf(ArtuNotFoundError);
    expect((notFound as ArtuNotFoundError).message).toBe("clients.retrieve (GET /clients/{id}) failed with 404 NOT_FOUND: Client not found [request req_m]");

    server.handle((_, response) => text(response, 500, "upstream exploded"));
    const serverError = (await artu.clients.create({}).catch((e: unknown) => e)) as ArtuServerError;
    expect(serverError).toBeInstanceOf(ArtuServerError);
    expect(serverError.body).toBe("upstream exploded");

    server.handle((_, response) => text(response, 200, "{oops", { "content-type": "application/json" }));
    await expect(artu.clients.retrieve({ id: "x" })).rejects.toBeInstanceOf(ArtuResponseParseError);
  });
});

describe("artu.raw loads openapi-fetch on its first request", () => {
  it("applies use/eject made before and after the first request, in order", async () => {
    const artu = testClient({ baseUrl: server.url });
    const first = recorder();
    const second = recorder();
    artu.raw.use(first.middleware, second.middleware);
    artu.raw.eject(second.middleware);
    await artu.raw.GET("/clients/{id}" as never, { params: { path: { id: "c1" } } } as never);
    expect(first.seen.map(({ url }) => url)).toEqual([`${server.url}/clients/c1`]);
    expect(second.seen).toEqual([]);
    expect(server.requests.at(-1)!.headers["x-signature"]).toBe("sig-1");

    artu.raw.eject(first.middleware);
    artu.raw.use(second.middleware);
    const { data } = await artu.raw.POST("/clients/{id}/migrate" as never, { params: { path: { id: "c2" } }, body: { to: "live" } } as never);
    expect(data).toEqual({ ok: true, url: "/clients/c2/migrate" });
    expect(first.seen).toHaveLength(1);
    expect(second.seen.map(({ method, authorization }) => `${method} ${authorization}`)).toEqual([`POST Bearer ${API_KEY}`]);
  });
});
