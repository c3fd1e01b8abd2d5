/**
 * The documented request limits (src/emulator/limits.ts) over HTTP: bodies
 * nested too deep, objects with too many members, arrays with too many
 * elements and bodies too large are refused with a pointer before they are
 * parsed or stored, and nothing accepted can break later requests.
 */
import { request } from "node:http";
import { describe, expect, it } from "vitest";
import { REQUEST_LIMITS } from "../../src/emulator/limits";
import { ok, person, useTestEmulator } from "./helpers";

const env = useTestEmulator();

/** `{"a": {"a": … {"leaf": 1}}}` with `levels` objects. */
function nested(levels: number): Record<string, unknown> {
  let value: Record<string, unknown> = { leaf: 1 };
  for (let level = 1; level < levels; level++) value = { a: value };
  return value;
}

/** A write and a list in the environment still answer 2xx. */
async function expectEnvironmentServes(): Promise<void> {
  const bea = ok(await env.client.post("/clients", person("Bea")));
  ok(await env.client.patch(`/clients/${bea.id}`, { name: "Beatriz" }));
  expect(ok(await env.client.post("/clients/list", {})).data.length).toBeGreaterThan(0);
}

describe("depth", () => {
  it("refuses a body nested 2,000 levels with a pointer, and the environment keeps serving", async () => {
    const reply = await env.client.post("/clients", person("Ana", { metadata: nested(2000) }));
    expect(reply.status).toBe(400);
    expect(reply.body.code).toBe("VALIDATION_ERROR");
    // the first object past the limit: level maxDepth + 1 (the body is level 1, metadata level 2)
    const pointer = `/body/metadata${"/a".repeat(REQUEST_LIMITS.maxDepth - 1)}`;
    expect(reply.body.issues).toEqual([{ path: pointer, message: `nests deeper than ${REQUEST_LIMITS.maxDepth} levels` }]);
    expect(env.emulator.state.test.clients.size).toBe(0);
    await expectEnvironmentServes();
  });

  it("accepts a body exactly at the limit, and what it stored breaks no later request", async () => {
    // the body is level 1, metadata level 2
    const ana = ok(await env.client.post("/clients", person("Ana", { metadata: nested(REQUEST_LIMITS.maxDepth - 1) })));
    ok(await env.client.post("/clients/batch", { atomic: false, items: [person("Cy", { metadata: nested(REQUEST_LIMITS.maxDepth - 3) })] }));
    await expectEnvironmentServes();
    expect(ok(await env.client.get(`/clients/${ana.id}`)).metadata).toEqual(nested(REQUEST_LIMITS.maxDepth - 1));
    expect((await env.client.post("/clients", person("Dee", { metadata: nested(REQUEST_LIMITS.maxDepth) }))).status).toBe(400);
  });

  it("refuses query keys nested deeper than the limit", async () => {
    const key = `filter${"[a]".repeat(REQUEST_LIMITS.maxDepth)}`;
    const reply = await env.client.get(`/audit-logs?${key}=1`);
    expect(reply.status).toBe(400);
    expect(reply.body.issues[0]).toEqual({ path: `/query/filter${"/a".repeat(REQUEST_LIMITS.maxDepth)}`, message: `nests deeper than ${REQUEST_LIMITS.maxDepth} levels` });
  });
});

describe("members and elements", () => {
  it("refuses an object with more members than the limit, naming the object", async () => {
    const metadata = Object.fromEntries(Array.from({ length: REQUEST_LIMITS.maxMembers + 1 }, (_, i) => [`k${i}`, i]));
    const reply = await env.client.post("/clients", person("Ana", { metadata }));
    expect(reply.status).toBe(400);
    expect(reply.body.issues).toEqual([{ path: "/body/metadata", message: `has more than ${REQUEST_LIMITS.maxMembers} members` }]);
    delete metadata[`k${REQUEST_LIMITS.maxMembers}`];
    ok(await env.client.post("/clients", person("Ana", { metadata })));
  });

  it("refuses an array with more elements than the limit where the snapshot sets none", async () => {
    const reply = await env.client.post("/clients", person("Ana", { metadata: { list: [{ many: new Array(REQUEST_LIMITS.maxElements + 1).fill(0) }] } }));
    expect(reply.status).toBe(400);
    expect(reply.body.issues).toEqual([{ path: "/body/metadata/list/0/many", message: `has more than ${REQUEST_LIMITS.maxElements} elements` }]);
  });
});

describe("cursors", () => {
  it("refuses a long cursor before decoding it (a deeply nested one would cost seconds to parse)", async () => {
    const deep = Buffer.from(`${"[".repeat(500_000)}${"]".repeat(500_000)}`).toString("base64url");
    const reply = await env.client.post("/clients/list", { cursor: deep });
    expect(reply.status).toBe(400);
    expect(reply.body.issues).toEqual([{ path: "/body/cursor", message: expect.stringMatching(/^is longer than \d+ characters/) }]);
    ok(await env.client.post("/clients", person("Ana")));
    ok(await env.client.post("/clients", person("Bea")));
    const first = ok(await env.client.post("/clients/list", { limit: 1 }));
    expect(ok(await env.client.post("/clients/list", { limit: 1, cursor: first.pagination.nextCursor })).data[0].name).toBe("Bea");
  });
});

describe("size", () => {
  const oversized = () => JSON.stringify(person("Ana", { metadata: { blob: "x".repeat(REQUEST_LIMITS.maxBodyBytes) } }));

  it("answers 413 naming the limit for a body larger than it, and keeps serving", async () => {
    const reply = await env.client.post("/clients", JSON.parse(oversized()));
    expect(reply.status).toBe(413);
    expect(reply.body).toMatchObject({ code: "PAYLOAD_TOO_LARGE", issues: [{ path: "/body", message: `is larger than ${REQUEST_LIMITS.maxBodyBytes} bytes` }] });
    await expectEnvironmentServes();
  });

  it("stops reading a chunked body at the limit (no Content-Length to trust)", async () => {
    const { hostname, port } = new URL(env.emulator.url);
    const status = await new Promise<number | "closed">((resolve) => {
      const req = request(
        { host: hostname, port, method: "POST", path: "/clients", headers: { authorization: "Bearer sk_test_emulator", "x-environment": "test", "content-type": "application/json", "transfer-encoding": "chunked" } },
        (res) => {
          res.resume();
          resolve(res.statusCode!);
        },
      );
      req.on("error", () => resolve("closed"));
      const chunk = "x".repeat(64 * 1024);
      req.write('{"type":"individual","name":"Ana","metadata":{"blob":"');
      // twice the limit: the emulator must answer (or close) without waiting for the end
      let sent = 0;
      const pump = (): void => {
        while (sent < 2 * REQUEST_LIMITS.maxBodyBytes) {
          sent += chunk.length;
          if (!req.write(chunk)) return void req.once("drain", pump);
        }
        req.end('"}}');
      };
      pump();
    });
    expect([413, "closed"]).toContain(status);
    await expectEnvironmentServes();
    expect(env.emulator.state.test.clients.size).toBe(1);
  });
});
