import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ArtuAbortError, ArtuBatchError, ArtuError, ArtuValidationError } from "../../src/client/errors";
import { combineResults } from "../../src/client/batch";
import { MAX_EMPTY_PAGES } from "../../src/client/pagination";
import { json, startServer, type TestServer } from "./support/server";
import { testClient } from "./support/descriptors";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

/** Three pages of two items; the cursor of page n is "p<n>". */
function page(cursor: string | undefined) {
  const index = cursor === undefined ? 0 : Number(cursor.slice(1));
  const hasMore = index < 2;
  return {
    data: [{ id: `a${index * 2}` }, { id: `a${index * 2 + 1}` }],
    pagination: { hasMore, nextCursor: hasMore ? `p${index + 1}` : null, totalCount: 6 },
  };
}

describe("pagination", () => {
  it("iterate follows a query cursor across 3 pages", async () => {
    server.handle((request, response) => {
      const url = new URL(request.url, "http://x");
      json(response, 200, page(url.searchParams.get("cursor") ?? undefined));
    });
    const artu = testClient({ baseUrl: server.url });
    const ids: string[] = [];
    for await (const address of artu.addresses.listForClient.iterate({ clientId: "c1", limit: 2 })) ids.push(address.id as string);
    expect(ids).toEqual(["a0", "a1", "a2", "a3", "a4", "a5"]);
    expect(server.requests.map((r) => r.url)).toEqual([
      "/clients/c1/addresses?limit=2",
      "/clients/c1/addresses?limit=2&cursor=p1",
      "/clients/c1/addresses?limit=2&cursor=p2",
    ]);
  });

  it("pages follows a body cursor, keeping the rest of the body", async () => {
    server.handle((request, response) => json(response, 200, page(JSON.parse(request.body).cursor)));
    const artu = testClient({ baseUrl: server.url });
    const pages = [];
    for await (const p of artu.clients.list.pages({ filter: { type: "individual" }, limit: 2 })) pages.push(p);
    expect(pages.map((p) => p.data.length)).toEqual([2, 2, 2]);
    expect(server.requests.map((r) => JSON.parse(r.body))).toEqual([
      { filter: { type: "individual" }, limit: 2 },
      { filter: { type: "individual" }, limit: 2, cursor: "p1" },
      { filter: { type: "individual" }, limit: 2, cursor: "p2" },
    ]);
  });

  it("the signal stops iteration between pages", async () => {
    server.handle((request, response) => json(response, 200, page(JSON.parse(request.body).cursor)));
    const artu = testClient({ baseUrl: server.url });
    const controller = new AbortController();
    const seen: unknown[] = [];
    const iterate = async () => {
      for await (const client of artu.clients.list.iterate({}, { signal: controller.signal })) {
        seen.push(client);
        if (seen.length === 2) controller.abort();
      }
    };
    await expect(iterate()).rejects.toBeInstanceOf(ArtuAbortError);
    expect(seen.length).toBe(2);
    expect(server.requests.length).toBe(1);
  });

  it("refuses a repeated cursor instead of looping forever", async () => {
    server.handle((_, response) => json(response, 200, { data: [{ id: "x" }], pagination: { hasMore: true, nextCursor: "same" } }));
    const artu = testClient({ baseUrl: server.url });
    const drain = async () => {
      for await (const _ of artu.clients.list.iterate()) void _;
    };
    await expect(drain()).rejects.toThrow('clients.list: the API returned cursor "same" twice; stopping to avoid an endless loop');
    expect(server.requests.length).toBe(2);
  });

  it("stops with an error when the server keeps answering empty pages that say more follow (fresh cursors)", async () => {
    server.handle((_, response, index) => json(response, 200, { data: [], pagination: { hasMore: true, nextCursor: `c${index}` } }));
    const artu = testClient({ baseUrl: server.url });
    const drain = async () => {
      for await (const _ of artu.clients.list.iterate()) void _;
    };
    await expect(drain()).rejects.toThrow(
      `clients.list: the API answered ${MAX_EMPTY_PAGES} empty pages in a row that say more follow; stopping to avoid an endless loop`,
    );
    expect(server.requests.length).toBe(MAX_EMPTY_PAGES);
  });

  it("keeps going through a few empty pages when items follow", async () => {
    server.handle((_, response, index) =>
      json(response, 200, index < 3 ? { data: [], pagination: { hasMore: true, nextCursor: `c${index}` } } : page("p2")),
    );
    const artu = testClient({ baseUrl: server.url });
    const ids: unknown[] = [];
    for await (const client of artu.clients.list.iterate()) ids.push(client.id);
    expect(ids).toEqual(["a4", "a5"]);
  });

  it.each([["true"], [1], [null]])("refuses a non-boolean hasMore (%j) instead of reading it as false", async (flag) => {
    server.handle((_, response) => json(response, 200, { data: [{ id: "x" }], pagination: { hasMore: flag, nextCursor: "n" } }));
    const artu = testClient({ baseUrl: server.url });
    const pages = async () => {
      for await (const _ of artu.clients.list.pages()) void _;
    };
    await expect(pages()).rejects.toThrow(
      `clients.list: a page's pagination.hasMore is ${JSON.stringify(flag)} (${flag === null ? "null" : `a ${typeof flag}`}), not a boolean; cannot tell whether more pages follow`,
    );
    expect(server.requests.length).toBe(1);
  });

  it("refuses a page without pagination.hasMore", async () => {
    server.handle((_, response) => json(response, 200, { data: [{ id: "x" }] }));
    const artu = testClient({ baseUrl: server.url });
    const drain = async () => {
      for await (const _ of artu.clients.list.iterate()) void _;
    };
    await expect(drain()).rejects.toThrow("clients.list: a page has no pagination.hasMore; cannot tell whether more pages follow");
  });
});

describe("batches", () => {
  const items = Array.from({ length: 600 }, (_, i) => ({ externalId: `e${i}` }));

  function echoBatch() {
    server.handle((request, response) => {
      const body = JSON.parse(request.body);
      json(response, 200, { atomic: body.atomic, data: body.items.map((item: { externalId: string }) => ({ id: `id_${item.externalId}` })) });
    });
  }

  it("splits 600 items into 250/250/100 in order with atomic: false and combines the results", async () => {
    echoBatch();
    const artu = testClient({ baseUrl: server.url });
    const result = await artu.clients.createMany({ items, atomic: false });
    const sent = server.requests.map((r) => JSON.parse(r.body));
    expect(sent.map((body) => body.items.length)).toEqual([250, 250, 100]);
    expect(sent.every((body) => body.atomic === false)).toBe(true);
    expect(sent.flatMap((body) => body.items)).toEqual(items);
    expect(result.data.map((client) => client.id)).toEqual(items.map((item) => `id_${item.externalId}`));
    expect(result.atomic).toBe(false);
  });

  it("refuses an oversize atomic call (explicit or by default) before sending anything", async () => {
    echoBatch();
    const artu = testClient({ baseUrl: server.url });
    await expect(artu.clients.createMany({ items, atomic: true })).rejects.toThrow(
      "clients.createMany: 600 items exceed the 250 one request accepts, and the call is atomic (atomic: true); all-or-nothing cannot span several requests. " +
        "Nothing was sent. Pass atomic: false to send them in 3 requests of at most 250 (each item then succeeds or fails on its own), or send at most 250 per call.",
    );
    const byDefault = await artu.clients.createMany({ items }).catch((e: unknown) => e);
    expect(byDefault).toBeInstanceOf(ArtuError);
    expect((byDefault as Error).message).toContain("(atomic defaults to true)");
    expect(server.requests.length).toBe(0);
  });

  it("sends a batch within the limit as one request, atomic or not", async () => {
    echoBatch();
    const artu = testClient({ baseUrl: server.url });
    await artu.clients.createMany({ items: items.slice(0, 250) });
    expect(server.requests.length).toBe(1);
  });

  it("sums counters and concatenates arrays (alerts.addItems), path params on every request", async () => {
    server.handle((request, response) => {
      const body = JSON.parse(request.body);
      json(response, 200, { added: body.items.length, items: body.items });
    });
    const artu = testClient({ baseUrl: server.url });
    const result = await artu.alerts.addItems({ alertId: "al1" }, { items: items.slice(0, 260) });
    expect(result.added).toBe(260);
    expect(result.items.length).toBe(260);
    expect(server.requests.map((r) => r.url)).toEqual(["/alerts/al1/items/batch", "/alerts/al1/items/batch"]);
  });

  it("a failure part-way says what was applied", async () => {
    server.handle((request, response, index) => {
      if (index === 1) return json(response, 422, { code: "VALIDATION_ERROR", message: "bad item", issues: [{ path: "/body/items/3/name", message: "is required" }] });
      const body = JSON.parse(request.body);
      json(response, 200, { data: body.items });
    });
    const artu = testClient({ baseUrl: server.url });
    const error = (await artu.clients.createMany({ items, atomic: false }).catch((e: unknown) => e)) as ArtuBatchError;
    expect(error).toBeInstanceOf(ArtuBatchError);
    expect(error.cause).toBeInstanceOf(ArtuValidationError);
    expect(error.chunkIndex).toBe(1);
    expect(error.itemsSent).toBe(250);
    expect(error.results.length).toBe(1);
    expect(error.message).toMatch(/^clients\.createMany: request 2 of 3 failed \(clients\.createMany \(POST \/clients\/batch\) failed with 422 VALIDATION_ERROR: bad item/);
    expect(server.requests.length).toBe(2);
  });

  it("combineResults keeps other fields from the last response", () => {
    expect(combineResults([{ data: [1], n: 1, atomic: false, meta: "a" }, { data: [2, 3], n: 2, atomic: false, meta: "b" }])).toEqual({
      data: [1, 2, 3],
      n: 3,
      atomic: false,
      meta: "b",
    });
  });
});
