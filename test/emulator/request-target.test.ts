/**
 * Request targets the emulator cannot read answer 400 (not a 500 from a
 * throw), and route lookups use own properties only: an inherited name
 * (`constructor`) never matches a record that has no such metadata.
 */
import { connect } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startEmulator, type Emulator } from "../../src/emulator/index";
import { api, ok, person, startTestEmulator } from "./helpers";

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startTestEmulator();
});
afterAll(() => emulator.stop());
beforeEach(() => emulator.reset());

/** Sends a request line as written (fetch would normalise the target) and returns the status and JSON body. */
function rawRequest(target: string): Promise<{ status: number; body: any }> {
  const { hostname, port } = new URL(emulator.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => {
      socket.write(`GET ${target} HTTP/1.1\r\nHost: emulator\r\nAuthorization: Bearer sk_test_emulator\r\nX-Environment: test\r\nConnection: close\r\n\r\n`);
    });
    let text = "";
    socket.setEncoding("utf8");
    socket.on("data", (chunk) => (text += chunk));
    socket.on("error", reject);
    socket.on("end", () => {
      const [head, body] = text.split("\r\n\r\n");
      resolve({ status: Number(head!.split(" ")[1]), body: body ? JSON.parse(body) : undefined });
    });
  });
}

describe("unparsable request targets", () => {
  it.each(["//", "//[", "//emulator:99999/clients", "/clients/%E0%A4%A", "/%"])("answers 400 for %s", async (target) => {
    const reply = await rawRequest(target);
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ code: "VALIDATION_ERROR", issues: [{ path: "/path" }] });
  });

  it("still serves well-formed targets on the same server", async () => {
    expect((await rawRequest("/clients/00000000-0000-4000-8000-000000000000")).status).toBe(404);
  });
});

describe("lookups by metadata use own members only", () => {
  const objectSource = String(Object);

  it("does not find a client or transaction by an inherited metadata name", async () => {
    const client = api(emulator);
    const ana = ok(await client.post("/clients", person("Ana")));
    ok(await client.post("/clients", person("Bea", { metadata: { tier: "gold" } })));
    ok(await client.post("/transactions", { amount: 1, currency: "MXN", timestamp: "2025-01-01T00:00:00Z", relatedClientIds: [ana.id] }));

    for (const name of ["constructor", "toString", "hasOwnProperty", "__proto__"]) {
      for (const resource of ["clients", "transactions"]) {
        const reply = await client.get(`/${resource}/metadata/${name}/${encodeURIComponent(objectSource)}`);
        expect(reply.status, `${resource} ${name}`).toBe(404);
      }
      const listed = ok(await client.post("/clients/list", { filter: { metadataFilters: [{ key: name, value: objectSource }] } }));
      expect(listed.data, name).toEqual([]);
    }
    expect(ok(await client.get("/clients/metadata/tier/gold")).name).toBe("Bea");
  });
});

describe("a spec whose names are inherited property names", () => {
  it("serves operationId toString with its own (stateless) handler, not Object.prototype's, and a {__proto__} path parameter changes no prototype", async () => {
    const spec = {
      openapi: "3.1.0",
      info: { title: "hostile", version: "1" },
      paths: {
        "/things/{__proto__}": {
          get: {
            operationId: "toString",
            parameters: [{ name: "__proto__", in: "path", required: true, schema: { type: "string" } }],
            responses: { "200": { description: "OK", content: { "application/json": { schema: { type: "object" } } } } },
          },
        },
      },
    };
    const hostile = await startEmulator({ spec });
    try {
      const client = api(hostile);
      const reply = await client.get("/things/abc");
      // The engine's sample of the response schema: Object.prototype.toString would have answered a string or failed.
      expect(reply.status).toBe(200);
      expect(reply.body).toEqual({});
      expect(hostile.unmodelledOperations).toEqual([{ operationId: "toString", reason: "stateless: a retrieve answer needs a resource with an `id`" }]);
      expect(typeof ({} as Record<string, unknown>).toString).toBe("function");
    } finally {
      await hostile.stop();
    }
  });
});
