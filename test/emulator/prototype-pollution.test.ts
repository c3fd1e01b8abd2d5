/**
 * No request may change a prototype of the process the emulator runs in (it
 * is usually the caller's test runner): a hostile corpus of query keys, JSON
 * bodies, headers and path segments, then the prototypes are compared with
 * what they were before and ordinary calls still work.
 */
import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_API_KEY, type Emulator } from "../../src/emulator/index";
import { api, ok, person, startTestEmulator } from "./helpers";

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startTestEmulator();
});
afterAll(async () => {
  await emulator.stop();
  for (const name of ["clientId", "polluted", "x"]) delete (Object.prototype as Record<string, unknown>)[name];
});

const PROTOTYPES = { object: Object.prototype, array: Array.prototype, function: Function.prototype, string: String.prototype };

type Snapshot = Map<string, { extensible: boolean; descriptors: Map<PropertyKey, PropertyDescriptor> }>;

function snapshotPrototypes(): Snapshot {
  return new Map(
    Object.entries(PROTOTYPES).map(([name, proto]) => [
      name,
      { extensible: Object.isExtensible(proto), descriptors: new Map(Reflect.ownKeys(proto).map((key) => [key, Object.getOwnPropertyDescriptor(proto, key)!])) },
    ]),
  );
}

/** "object.clientId added", "array.map changed", …: every difference between two snapshots. */
function changes(before: Snapshot, after: Snapshot): string[] {
  const found: string[] = [];
  for (const [name, was] of before) {
    const now = after.get(name)!;
    if (now.extensible !== was.extensible) found.push(`${name} extensibility changed`);
    for (const [key, descriptor] of now.descriptors) {
      const old = was.descriptors.get(key);
      if (!old) found.push(`${name}.${String(key)} added`);
      else if (old.value !== descriptor.value || old.get !== descriptor.get || old.set !== descriptor.set || old.writable !== descriptor.writable) found.push(`${name}.${String(key)} changed`);
    }
    for (const key of was.descriptors.keys()) if (!now.descriptors.has(key)) found.push(`${name}.${String(key)} removed`);
  }
  return found;
}

/** Sends a raw JSON text (escaped keys survive, which JSON.stringify of an object would not produce). */
async function sendRaw(method: string, path: string, text: string, headers: Record<string, string> = {}): Promise<{ status: number; body: any }> {
  const response = await fetch(`${emulator.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${DEFAULT_API_KEY}`, "x-environment": "test", "content-type": "application/json", ...headers },
    body: text,
  });
  return { status: response.status, body: await response.json() };
}

function sendWithHeaders(path: string, headers: Record<string, string>): Promise<number> {
  const { hostname, port } = new URL(emulator.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, path, method: "GET", headers: { authorization: `Bearer ${DEFAULT_API_KEY}`, "x-environment": "test", ...headers } }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode!));
    });
    req.on("error", reject);
    req.end();
  });
}

const HOSTILE_QUERIES = [
  "/audit-logs?filter[__proto__][clientId]=x",
  "/audit-logs?filter[constructor][prototype][polluted]=1",
  "/audit-logs?filter[resource][__proto__][polluted]=1",
  "/audit-logs?filter%5B__proto__%5D%5Bpolluted%5D=1",
  "/audit-logs?__proto__[polluted]=1",
  "/audit-logs?__proto__=1",
  "/audit-logs?filter[prototype]=1",
];

const HOSTILE_BODIES: [string, string, string][] = [
  ["POST", "/clients", '{"type":"individual","name":"Ana","__proto__":{"polluted":1}}'],
  ["POST", "/clients", '{"type":"individual","name":"Ana","metadata":{"__proto__":{"polluted":1}}}'],
  ["POST", "/clients", '{"type":"individual","name":"Ana","metadata":{"constructor":{"prototype":{"polluted":1}}}}'],
  ["POST", "/clients", '{"type":"individual","name":"Ana","metadata":{"a":{"b":[{"c":{"\\u005f_proto__":{"polluted":1}}}]}}}'],
  ["POST", "/clients", '{"type":"individual","name":"Ana","metadata":{"prototype":{"polluted":1}}}'],
  ["POST", "/clients/batch", '{"atomic":false,"items":[{"type":"individual","name":"A","metadata":{"__proto__":{"polluted":1}}}]}'],
  ["POST", "/clients/list", '{"filter":{"__proto__":{"polluted":1}}}'],
  ["POST", "/clients/list", '{"filter":{"metadataFilters":[{"key":"k","value":"v","constructor":{"prototype":{"polluted":1}}}]}}'],
  ["POST", "/clients/sync", '{"client":{"type":"individual","name":"A"},"addresses":[{"__proto__":{"polluted":1}}]}'],
];

describe("a hostile corpus leaves every prototype untouched", () => {
  it("refuses forbidden keys with 400 naming them, ignores hostile headers and path segments, and keeps serving", async () => {
    const before = snapshotPrototypes();
    const client = api(emulator);
    const ana = ok(await client.post("/clients", person("Ana", { metadata: { kind: "a" } })));

    for (const path of HOSTILE_QUERIES) {
      const reply = await client.get(path);
      expect(reply.status, path).toBe(400);
      expect(reply.body.code).toBe("VALIDATION_ERROR");
      expect(reply.body.issues[0].message, path).toMatch(/"(__proto__|constructor|prototype)" is not allowed/);
      expect(reply.body.issues[0].path, path).toMatch(/^\/query\/.*(__proto__|constructor|prototype)/);
    }
    for (const [method, path, text] of HOSTILE_BODIES) {
      const reply = await sendRaw(method, path, text);
      expect(reply.status, text).toBe(400);
      expect(reply.body.issues[0].message, text).toMatch(/"(__proto__|constructor|prototype)" is not allowed/);
      expect(reply.body.issues[0].path, text).toMatch(/^\/body\/.*(__proto__|constructor|prototype)$/);
    }
    const patched = await sendRaw("PATCH", `/clients/${ana.id}`, '{"__proto__":{"polluted":1},"metadata":{"__proto__":{"x":1}}}');
    expect(patched.status).toBe(400);
    for (const headers of [{ __proto__: "x" } as unknown as Record<string, string>, { ["__proto__"]: "x", constructor: "y", prototype: "z" }]) {
      expect(await sendWithHeaders("/clients/list", headers)).toBeLessThan(500);
    }
    for (const path of ["/clients/__proto__", "/clients/constructor", "/clients/metadata/__proto__/x", "/clients/__proto__/addresses", "/transactions/metadata/constructor/prototype"]) {
      expect((await client.get(path)).status, path).toBeLessThan(500);
    }

    expect(changes(before, snapshotPrototypes())).toEqual([]);
    expect(({} as Record<string, unknown>).clientId).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // later ordinary calls still work, and nothing hostile was stored
    const listed = ok(await client.post("/clients/list", { filter: { metadataFilters: [{ key: "kind", value: "a" }] } }));
    expect(listed.data.map((c: { id: string }) => c.id)).toEqual([ana.id]);
    expect(ok(await client.get(`/clients/${ana.id}`)).metadata).toEqual({ kind: "a" });
    expect(emulator.state.test.clients.size).toBe(1);
  });
});
