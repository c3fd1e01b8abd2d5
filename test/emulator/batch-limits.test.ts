/**
 * Item-count limits (the snapshot's `maxItems`) are checked before the items
 * are validated: a 50,000-item batch of invalid items answers one 400 issue
 * at the array, instead of keeping the emulator busy validating every item,
 * and other requests are served meanwhile.
 */
import { describe, expect, it } from "vitest";
import { ok, person, useTestEmulator } from "./helpers";

const env = useTestEmulator();

/** Items that each break several rules of ClientInput, so validating them all would report ~150,000 issues. */
const invalidItems = (count: number) => Array.from({ length: count }, (_, i) => ({ type: "robot", name: i, extra: true }));

describe("item counts before item validation", () => {
  it("answers a 9,000-item batch with the one count issue, and serves another request sent right after it", async () => {
    const big = env.client.post("/clients/batch", { atomic: false, items: invalidItems(9_000) });
    const small = env.client.post("/clients", person("Ana"));
    const [bigReply, smallReply] = await Promise.all([big, small]);
    expect(bigReply.status).toBe(400);
    expect(bigReply.body.issues).toEqual([{ path: "/body/items", message: "must NOT have more than 250 items" }]);
    expect(smallReply.status).toBe(200);
    expect(env.emulator.state.test.clients.size).toBe(1);
  });

  it("answers a 50,000-item batch at the generic element limit, before parsing it", async () => {
    const reply = await env.client.post("/clients/batch", { atomic: false, items: invalidItems(50_000) });
    expect(reply.status).toBe(400);
    expect(reply.body.issues).toEqual([{ path: "/body/items", message: expect.stringMatching(/more than/) }]);
  });

  it("checks arrays nested in a body (clients.sync) and in sync items", async () => {
    const addresses = Array.from({ length: 251 }, () => ({ street: 1 }));
    const sync = await env.client.post("/clients/sync", { client: person("Ana"), addresses });
    expect(sync.status).toBe(400);
    expect(sync.body.issues).toEqual([{ path: "/body/addresses", message: "must NOT have more than 250 items" }]);

    const ana = ok(await env.client.post("/clients", person("Ana")));
    const items = await env.client.post(`/clients/${ana.id}/addresses/sync`, { items: addresses });
    expect(items.body.issues).toEqual([{ path: "/body/items", message: "must NOT have more than 250 items" }]);
  });

  it("still validates every item of a batch within the limit", async () => {
    const reply = await env.client.post("/clients/batch", { items: invalidItems(3) });
    expect(reply.status).toBe(400);
    expect(reply.body.issues.map((issue: { path: string }) => issue.path)).toEqual(expect.arrayContaining(["/body/items/0/name", "/body/items/2/name"]));
  });
});
