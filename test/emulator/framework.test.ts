/**
 * The spec-driven machinery on a small synthetic spec: query parsing and
 * coercion, request validation, response validation, routing errors,
 * authentication, request ids, stateless answers for operations no family
 * places, and the 501 left for an operation without a success response.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import spec from "./fixtures/mini-spec.json";
import { DEFAULT_API_KEY, startEmulator, type Emulator } from "../../src/emulator/index";
import { readQuery } from "../../src/emulator/query";
import { readOperations } from "../../src/emulator/spec-operations";
import { api, startTestEmulator } from "./helpers";

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({ spec, seed: 3, validateResponses: true, apiKeys: ["sk_one", "sk_two"] });
});
afterAll(() => emulator.stop());

describe("query parsing", () => {
  const search = readOperations(spec).find((operation) => operation.operationId === "demo.search");
  const resolve = { document: spec, source: "mini-spec.json" };
  it("reads deepObject objects, form-exploded and comma arrays, and coerces per schema", () => {
    const query = readQuery(
      new URLSearchParams("filter[kind]=a&filter[size][gte]=3&filter[tags]=x&filter[tags]=y&ids=1&ids=2&codes=p,q&limit=2.5&active=false&when=2025-01-01&unknown=1"),
      search!.parameters,
      resolve,
    );
    expect(query).toEqual({ filter: { kind: "a", size: { gte: 3 }, tags: ["x", "y"] }, ids: [1, 2], codes: ["p", "q"], limit: 2.5, active: false, when: "2025-01-01" });
  });
  it("leaves what cannot be coerced as a string", () => {
    expect(readQuery(new URLSearchParams("limit=ten&active=yes"), search!.parameters, resolve)).toEqual({ limit: "ten", active: "yes" });
  });
});

describe("over HTTP with a synthetic spec", () => {
  const client = () => api(emulator, "test", "sk_two");

  it("validates query parameters before answering an unplaced operation statelessly", async () => {
    const bad = await client().get("/things?filter[kind]=c&filter[size][gte]=x&ids=1&ids=two&active=maybe");
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe("VALIDATION_ERROR");
    expect(bad.body.issues.map((i: any) => i.path).sort()).toEqual(["/query/active", "/query/filter/kind", "/query/filter/size/gte", "/query/ids/1", "/query/required"]);
    const extra = await client().get("/things?required=r&filter[colour]=red");
    expect(extra.body.issues).toEqual([{ path: "/query/filter/colour", message: expect.any(String) }]);

    const good = await client().get("/things?required=r&filter[kind]=a&ids=1&active=true");
    expect(good.status).toBe(200);
    expect(good.body).toEqual({});
    expect(emulator.unmodelledOperations.map((entry) => entry.operationId)).toEqual(["demo.archive", "demo.get", "demo.search"]);
    expect(emulator.unmodelledOperations.find((entry) => entry.operationId === "demo.get")?.reason).toBe(
      "stateless: a retrieve answer needs a resource with an `id`",
    );
  });

  it("answers 501 NOT_IMPLEMENTED only for an operation without any success response", async () => {
    const reply = await client().post("/things/4/archive");
    expect(reply.status).toBe(501);
    expect(reply.body).toMatchObject({ code: "NOT_IMPLEMENTED", message: expect.stringContaining("demo.archive") });
    expect(emulator.unmodelledOperations.find((entry) => entry.operationId === "demo.archive")?.reason).toBe(
      "501: the operation declares no success response",
    );
  });

  it("coerces path parameters per schema before validating them", async () => {
    expect((await client().get("/things/5")).status).toBe(200);
    const bad = await client().get("/things/zero");
    expect(bad.status).toBe(400);
    expect(bad.body.issues).toEqual([{ path: "/path/n", message: "must be integer" }]);
    expect((await client().get("/things/0")).body.issues).toEqual([{ path: "/path/n", message: "must be >= 1" }]);
  });

  it("answers 500 EMULATOR_RESPONSE_INVALID when a response does not match the spec", async () => {
    const reply = await client().post("/clients", { type: "individual", name: "Ana" });
    expect(reply.status).toBe(500);
    expect(reply.body.code).toBe("EMULATOR_RESPONSE_INVALID");
    expect(reply.body.issues).toContainEqual({ path: "/response/riskScore", message: "is required" });
    // nothing was committed
    expect(emulator.state.test.clients.size).toBe(0);
  });

  it("rejects invalid JSON and missing bodies", async () => {
    const notJson = await client().call("POST", "/clients", undefined, { "content-type": "application/json" });
    expect(notJson.body.issues).toEqual([{ path: "/body", message: "a JSON request body is required" }]);
    const response = await fetch(`${emulator.url}/clients`, {
      method: "POST",
      headers: { authorization: "Bearer sk_one", "x-environment": "live", "content-type": "application/json" },
      body: "{nope",
    });
    expect(response.status).toBe(400);
    expect((await response.json()).issues).toEqual([{ path: "/body", message: "is not valid JSON" }]);
  });

  it("answers 404 for unknown paths and 405 for unknown methods", async () => {
    expect((await client().get("/nowhere")).body.code).toBe("NOT_FOUND");
    const wrongMethod = await client().del("/things");
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get("allow")).toBe("GET");
  });
});

describe("authentication", () => {
  const request = (headers: Record<string, string>) => fetch(`${emulator.url}/things?required=r`, { headers });

  it("needs a valid bearer key (401) and X-Environment test|live (400)", async () => {
    const attempts: Record<string, string>[] = [{}, { authorization: "Bearer wrong", "x-environment": "test" }, { authorization: "Basic sk_one", "x-environment": "test" }];
    for (const headers of attempts) {
      const response = await request(headers);
      expect(response.status).toBe(401);
      expect((await response.json()).code).toBe("UNAUTHORIZED");
    }
    for (const env of [undefined, "prod"]) {
      const response = await request({ authorization: "Bearer sk_one", ...(env ? { "x-environment": env } : {}) });
      expect(response.status).toBe(400);
      expect((await response.json()).issues[0].path).toBe("/header/X-Environment");
    }
    expect((await request({ authorization: "Bearer sk_one", "x-environment": "live" })).status).toBe(200);
  });

  it("accepts the default key when no keys are configured", async () => {
    const defaults = await startTestEmulator();
    try {
      expect((await api(defaults, "test", DEFAULT_API_KEY).post("/clients/list", {})).status).toBe(200);
      expect((await api(defaults, "test", "sk_one").post("/clients/list", {})).status).toBe(401);
      expect((await api(defaults).post("/alerts/list", {})).body).toEqual({ data: [], pagination: { hasMore: false, nextCursor: null } });
    } finally {
      await defaults.stop();
    }
  });
});

describe("request ids", () => {
  it("sends an x-request-id on every response, error bodies repeat it, and the sequence depends on the seed", async () => {
    const ids = async (seed: number) => {
      const e = await startEmulator({ spec, seed });
      try {
        const replies = [await api(e, "test", "nope").get("/things"), await api(e, "test", DEFAULT_API_KEY).get("/things")];
        replies.forEach((r) => expect(r.body.requestId).toBe(r.headers.get("x-request-id")));
        return replies.map((r) => r.headers.get("x-request-id"));
      } finally {
        await e.stop();
      }
    };
    const first = await ids(11);
    expect(first[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(await ids(11)).toEqual(first);
    expect(await ids(12)).not.toEqual(first);
  });
});
