/**
 * Chunked batch calls report item indices into the caller's whole input
 * (each request numbers its own items from 0), and refusing to split an
 * atomic call throws the typed batch error class. Over HTTP on 127.0.0.1.
 */
import { describe, expect, it } from "vitest";
import { ArtuBatchError, ArtuBatchSplitError, ArtuError } from "../../src/index";
import { combineResults } from "../../src/client/batch";
import { json, serveDuringTests, type TestServer } from "./support/server";
import { testClient } from "./support/descriptors";

let server: TestServer;
serveDuringTests((started) => (server = started));

const items = Array.from({ length: 600 }, (_, i) => ({ externalId: `e${i}`, name: i % 250 === 5 ? "" : `n${i}` }));

/** A non-atomic batch server: an item with an empty name fails, and is reported by its index in the request. */
function nonAtomicServer(omitEmptyErrors = false) {
  server.handle((request, response) => {
    const body = JSON.parse(request.body) as { items: { externalId: string; name: string }[] };
    const errors = body.items.flatMap((item, index) => (item.name === "" ? [{ index, code: "VALIDATION_ERROR", message: "name is required" }] : []));
    const data = body.items.filter((item) => item.name !== "").map((item) => ({ id: `id_${item.externalId}` }));
    json(response, 200, omitEmptyErrors && errors.length === 0 ? { atomic: false, data } : { atomic: false, data, errors });
  });
}

describe("chunked non-atomic batches", () => {
  it("item 255 of the caller's input is reported as index 255, not 5", async () => {
    nonAtomicServer();
    const artu = testClient({ baseUrl: server.url });
    const result = (await artu.clients.createMany({ items, atomic: false })) as { data: unknown[]; errors: { index: number; code: string }[] };
    expect(server.requests.map((r) => JSON.parse(r.body).items.length)).toEqual([250, 250, 100]);
    expect(result.errors.map((error) => error.index)).toEqual([5, 255, 505]);
    for (const error of result.errors) expect(items[error.index]!.name).toBe("");
    expect(result.data.length).toBe(597);
  });

  it("errors from a middle chunk are kept when the last chunk answers without the optional field", async () => {
    const input = items.slice(0, 500).map((item, i) => ({ ...item, name: i === 300 ? "" : `n${i}` }));
    nonAtomicServer(true);
    const artu = testClient({ baseUrl: server.url });
    const result = (await artu.clients.createMany({ items: [...input, { externalId: "last", name: "ok" }], atomic: false })) as {
      errors?: { index: number }[];
    };
    expect(server.requests.length).toBe(3);
    expect(result.errors).toEqual([{ index: 300, code: "VALIDATION_ERROR", message: "name is required" }]);
  });

  it("a later request's failure rebases its item pointers, and error.results carry rebased item errors", async () => {
    server.handle((request, response, index) => {
      if (index === 2) {
        return json(response, 422, { code: "VALIDATION_ERROR", message: "bad items", issues: [{ path: "/body/items/3/name", message: "is required" }, { path: "/body/atomic", message: "x" }] });
      }
      json(response, 200, { atomic: false, data: [], errors: [{ index: 7, code: "X", message: "y" }] });
    });
    const artu = testClient({ baseUrl: server.url });
    const error = (await artu.clients.createMany({ items, atomic: false }).catch((e: unknown) => e)) as ArtuBatchError;
    expect(error).toBeInstanceOf(ArtuBatchError);
    expect(error.chunkIndex).toBe(2);
    expect(error.issues).toEqual([
      { path: "/body/items/503/name", message: "is required" },
      { path: "/body/atomic", message: "x" },
    ]);
    expect(error.message).toContain("(/body/items/503/name: is required; /body/atomic: x)");
    expect(error.message).not.toContain("/body/items/3/");
    expect(error.results.map((result) => (result as { errors: { index: number }[] }).errors[0]!.index)).toEqual([7, 257]);
  });
});

describe("atomic batches that would need splitting", () => {
  it("are refused with ArtuBatchSplitError (an ArtuBatchError), nothing sent", async () => {
    const artu = testClient({ baseUrl: server.url });
    for (const body of [{ items, atomic: true }, { items }]) {
      const error = (await artu.clients.createMany(body).catch((e: unknown) => e)) as ArtuBatchSplitError;
      expect(error).toBeInstanceOf(ArtuBatchSplitError);
      expect(error).toBeInstanceOf(ArtuBatchError);
      expect(error).toBeInstanceOf(ArtuError);
      expect(error.name).toBe("ArtuBatchSplitError");
      expect({ op: error.operationId, items: error.itemCount, max: error.maxItems, chunks: error.chunkCount, sent: error.itemsSent }).toEqual({
        op: "clients.createMany",
        items: 600,
        max: 250,
        chunks: 3,
        sent: 0,
      });
      expect(error.message).toMatch(/^clients\.createMany: 600 items exceed the 250 one request accepts, and the call is atomic .*Nothing was sent\./);
      expect(error.cause).toBeUndefined();
    }
    expect(server.requests).toEqual([]);
  });
});

describe("combineResults", () => {
  it("keeps a server's __proto__ key as data, setting no prototype", () => {
    const hostile = JSON.parse('{"data":[1],"__proto__":{"polluted":true}}') as unknown;
    const combined = combineResults([hostile, { data: [2] }]) as Record<string, unknown>;
    expect(Object.getPrototypeOf(combined)).toBe(Object.prototype);
    expect((combined as { polluted?: unknown }).polluted).toBeUndefined();
    expect(combined.data).toEqual([1, 2]);
  });
});
