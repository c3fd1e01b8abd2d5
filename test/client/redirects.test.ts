/**
 * Redirects over HTTP on 127.0.0.1: a 3xx is never followed for an operation
 * that is not idempotent; an idempotent one follows same-origin redirects
 * under the base URL, boundedly, without changing its method; anything else
 * is an ArtuRedirectError naming the Location. On the default transport and
 * with middleware alike.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ArtuApiError, ArtuRedirectError } from "../../src/index";
import { MAX_REDIRECTS } from "../../src/client/redirect";
import { json, startServer, text, type TestServer } from "./support/server";
import { API_KEY, testClient } from "./support/descriptors";

let server: TestServer;
/** Another origin: whatever reaches it leaked. */
let elsewhere: TestServer;
beforeAll(async () => {
  [server, elsewhere] = await Promise.all([startServer(), startServer((request, response) => json(response, 200, { id: "from-elsewhere" }))]);
});
afterAll(async () => {
  await Promise.all([server.close(), elsewhere.close()]);
});
beforeEach(() => {
  server.requests.length = 0;
  elsewhere.requests.length = 0;
});

function redirect(status: number, location: string | undefined) {
  server.handle((request, response) => {
    if (request.url.startsWith("/moved") || request.url.startsWith("/v1/moved")) return json(response, 200, { id: "moved", method: request.method, body: request.body });
    text(response, status, "", location === undefined ? {} : { location });
  });
}

const transports = [
  ["default transport", {}],
  ["middleware", { middleware: [{ onRequest: () => undefined }] }],
] as const;

for (const [transport, extra] of transports) {
  describe(`redirects (${transport})`, () => {
    const client = (options: { baseUrl?: string; maxRetries?: number } = {}) => testClient({ baseUrl: server.url, ...extra, ...options });

    it.each([301, 302, 303, 307, 308])("a create answered %i is not followed, to another host or the same one", async (status) => {
      for (const location of [`${elsewhere.url}/steal`, "/moved"]) {
        redirect(status, location);
        server.requests.length = 0;
        const error = (await client().clients.create({ name: "KYC subject", rfc: "XAXX010101000" }).catch((e: unknown) => e)) as ArtuRedirectError;
        expect(error).toBeInstanceOf(ArtuRedirectError);
        expect(error).toBeInstanceOf(ArtuApiError);
        expect(error.status).toBe(status);
        expect(error.location).toBe(location);
        expect(error.message).toBe(
          `clients.create (POST /clients) was redirected (${status}) to ${JSON.stringify(location)}, which the client does not follow: ` +
            `clients.create is not idempotent, and following would re-send its body elsewhere or turn it into a GET. Nothing more was sent.`,
        );
        expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual(["POST /clients"]);
      }
      expect(elsewhere.requests).toEqual([]);
    });

    it.each([301, 302, 303, 307, 308])("a GET answered %i to the same origin is followed", async (status) => {
      redirect(status, "/moved/c2");
      await expect(client().clients.retrieve({ id: "c1" })).resolves.toEqual({ id: "moved", method: "GET", body: "" });
      expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual(["GET /clients/c1", "GET /moved/c2"]);
      expect(server.requests[1]!.headers.authorization).toBe(`Bearer ${API_KEY}`);
    });

    it("a GET redirected to another origin is an ArtuRedirectError naming the Location; nothing reaches it, nothing is retried", async () => {
      redirect(302, `${elsewhere.url}/clients/c1`);
      const error = (await client({ maxRetries: 3 }).clients.retrieve({ id: "c1" }).catch((e: unknown) => e)) as ArtuRedirectError;
      expect(error).toBeInstanceOf(ArtuRedirectError);
      expect(error.message).toBe(
        `clients.retrieve (GET /clients/{id}) was redirected (302) to "${elsewhere.url}/clients/c1", which the client does not follow: ` +
          `the Location is outside the base URL ${server.url}. Nothing more was sent.`,
      );
      expect(server.requests.length).toBe(1);
      expect(elsewhere.requests).toEqual([]);
    });

    it("an idempotent POST follows 307/308 with its method and body, and refuses 301/302/303 (they would make it a GET)", async () => {
      redirect(307, "/moved/list");
      await expect(client().clients.list({ limit: 5 })).resolves.toEqual({ id: "moved", method: "POST", body: '{"limit":5}' });
      for (const status of [301, 302, 303]) {
        redirect(status, "/moved/list");
        await expect(client().clients.list({ limit: 5 })).rejects.toThrow(`(${status}) to "/moved/list", which the client does not follow: ${status} would turn POST into GET.`);
      }
      expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual(["POST /clients/list", "POST /moved/list", "POST /clients/list", "POST /clients/list", "POST /clients/list"]);
    });

    it(`stops after ${MAX_REDIRECTS} hops`, async () => {
      server.handle((request, response) => text(response, 302, "", { location: `/clients/loop${server.requests.length}` }));
      await expect(client().clients.retrieve({ id: "c1" })).rejects.toThrow(`more than ${MAX_REDIRECTS} redirects`);
      expect(server.requests.length).toBe(MAX_REDIRECTS + 1);
    });

    it("a redirect out of the base URL's path, or without a Location, or a 304, is refused", async () => {
      redirect(302, "/admin/clients/c1");
      await expect(client({ baseUrl: `${server.url}/v1` }).clients.retrieve({ id: "c1" })).rejects.toThrow(`outside the base URL ${server.url}/v1`);
      redirect(302, "/v1/../admin");
      await expect(client({ baseUrl: `${server.url}/v1` }).clients.retrieve({ id: "c1" })).rejects.toThrow(`outside the base URL ${server.url}/v1`);
      redirect(302, "/v1/moved/c1");
      await expect(client({ baseUrl: `${server.url}/v1` }).clients.retrieve({ id: "c1" })).resolves.toMatchObject({ id: "moved" });
      redirect(302, undefined);
      await expect(client().clients.retrieve({ id: "c1" })).rejects.toThrow("(302), which the client does not follow: the response has no Location header.");
      redirect(304, "/moved");
      await expect(client().clients.retrieve({ id: "c1" })).rejects.toThrow("304 is not a redirect the client follows");
      expect(server.requests.filter((r) => r.url.includes("admin"))).toEqual([]);
    });
  });
}

describe("an opaque redirect (a browser's fetch with redirect: \"manual\")", () => {
  it("is an ArtuRedirectError, not a status-0 ArtuApiError", async () => {
    // Browsers answer redirect: "manual" with status 0 and no headers; Node cannot build such a Response, so a stand-in.
    const opaque = { status: 0, type: "opaqueredirect", headers: new Headers(), text: async () => "" };
    const artu = testClient({ baseUrl: server.url, fetch: (async () => opaque) as unknown as typeof fetch });
    await expect(artu.clients.retrieve({ id: "c1" })).rejects.toThrow(
      "clients.retrieve (GET /clients/{id}) was redirected (0), which the client does not follow: the runtime hides the redirect's target (an opaque redirect, as browsers return). Nothing more was sent.",
    );
    await expect(artu.clients.create({})).rejects.toBeInstanceOf(ArtuRedirectError);
  });
});
