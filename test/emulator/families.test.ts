/**
 * The generic engine on the ARTU snapshot, one family role at a time, over
 * HTTP with response validation on (a response the snapshot rejects would
 * answer 500): the operations that answered 501 before the engine are now
 * served from their resource family, statefully.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, ok, startTestEmulator, type Api } from "./helpers";
import type { Emulator } from "../../src/emulator/index";

let emulator: Emulator;
let test: Api;
let live: Api;
beforeAll(async () => {
  emulator = await startTestEmulator({ seed: 5 });
  test = api(emulator, "test");
  live = api(emulator, "live");
});
afterAll(() => emulator.stop());

const alert = (name: string, extra: Record<string, unknown> = {}) => ({ name, description: `${name} review`, scope: "MX", ...extra });
const page = { hasMore: false, nextCursor: null };

describe("families found on the snapshot", () => {
  it("places alerts as one collection with its list, batch and external-key forms", () => {
    const alerts = emulator.families.find((family) => family.collection === "alerts");
    expect(alerts?.operations.map((op) => `${op.operationId}:${op.role}`)).toEqual([
      "alerts.createMany:batchCreate",
      "alerts.list:list",
      "alerts.updateMany:batchUpdate",
      "alerts.upsertByExternalId:upsertByExternalId",
      "alerts.upsertManyByExternalId:batchUpsert",
    ]);
    const items = emulator.families.find((family) => family.collection === "items");
    expect(items?.operations.find((op) => op.operationId === "alerts.listItems")?.parent).toEqual({ collection: "alerts", param: "alertId" });
  });
});

describe("create, batch create and list with a filter body", () => {
  it("stores what batch create answers and lists it by filter, per environment", async () => {
    emulator.reset();
    const created = ok(await test.post("/alerts/batch", { items: [alert("Q1", { externalId: "q1" }), alert("Q2")] }));
    expect(created.atomic).toBe(true);
    expect(created.data.map((a: any) => a.name)).toEqual(["Q1", "Q2"]);
    const [q1, q2] = created.data;
    expect(q1.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(q1.id).not.toBe(q2.id);
    expect(q1.createdAt).toBe("2025-01-01T00:00:01.000Z");
    expect(emulator.state.test.alerts!.get(q1.id)).toEqual(q1);

    expect(ok(await test.post("/alerts/list", { filter: { name: "Q2" } })).data).toEqual([q2]);
    expect(ok(await test.post("/alerts/list", { filter: { search: "q1 rev" } })).data).toEqual([q1]);
    expect(ok(await live.post("/alerts/list", {}))).toEqual({ data: [], pagination: page });
  });

  it("pages with cursors bound to the list they came from", async () => {
    emulator.reset();
    ok(await test.post("/alerts/batch", { items: ["a", "b", "c"].map((name) => alert(name)) }));
    const first = ok(await test.post("/alerts/list", { limit: 2, includeTotalCount: true }));
    expect(first.data.map((a: any) => a.name)).toEqual(["a", "b"]);
    expect(first.pagination).toMatchObject({ hasMore: true, totalCount: 3 });
    const second = ok(await test.post("/alerts/list", { limit: 2, cursor: first.pagination.nextCursor }));
    expect(second.data.map((a: any) => a.name)).toEqual(["c"]);
    const foreign = await test.post("/evidence/list", { cursor: first.pagination.nextCursor });
    expect(foreign.status).toBe(400);
    expect(foreign.body.issues).toEqual([{ path: "/body/cursor", message: "is not a cursor this list returned" }]);
  });

  it("create answers the resource inside its envelope (evidence, documents) and a plain create answers it directly (tags)", async () => {
    emulator.reset();
    const evidence = ok(await test.post("/evidence", { type: "invoice", scope: "MX", externalId: "inv-1" }));
    expect(evidence.evidence).toMatchObject({ type: "invoice", externalId: "inv-1" });
    const tag = ok(await test.post("/tags", { name: "vip", color: "#ff0000" }));
    expect(tag).toMatchObject({ name: "vip", color: "#ff0000", createdAt: expect.any(String) });
    // a required nullable field nobody set answers null, not a made-up value
    expect(ok(await test.post("/tags", { name: "plain" }))).toMatchObject({ color: null, description: null });
    expect(emulator.state.test.tags!.get(tag.id)).toEqual(tag);
  });
});

describe("batch semantics", () => {
  it("an atomic batch with a failing item writes nothing; a non-atomic one reports errors per item", async () => {
    emulator.reset();
    ok(await test.post("/alerts/batch", { items: [alert("held", { externalId: "dup" })] }));
    const atomic = await test.post("/alerts/batch", { items: [alert("fresh"), alert("again", { externalId: "dup" })] });
    expect(atomic.status).toBe(409);
    expect(atomic.body.issues).toEqual([{ path: "/body/items/1/externalId", message: "is already used" }]);
    expect(emulator.state.test.alerts!.size).toBe(1);

    const partial = ok(await test.post("/alerts/batch", { atomic: false, items: [alert("fresh"), alert("again", { externalId: "dup" })] }));
    expect(partial.data.map((a: any) => a.name)).toEqual(["fresh"]);
    expect(partial.errors).toEqual([{ index: 1, code: "CONFLICT", message: expect.stringContaining("dup") }]);
    expect(emulator.state.test.alerts!.size).toBe(2);
  });

  it("batch update patches by id (404 for an unknown one) and batch upsert answers {action, data}", async () => {
    emulator.reset();
    const [a] = ok(await test.post("/alerts/batch", { items: [alert("a", { externalId: "a" })] })).data;
    const updated = ok(await test.patch("/alerts/batch", { items: [{ id: a.id, data: { name: "renamed" } }] }));
    expect(updated.data[0]).toMatchObject({ id: a.id, name: "renamed", updatedAt: "2025-01-01T00:00:02.000Z" });
    const missing = await test.patch("/alerts/batch", { items: [{ id: "00000000-0000-4000-8000-000000000000", data: { name: "x" } }] });
    expect(missing.status).toBe(404);

    const unchanged = alert("renamed", { externalId: "a", description: "a review" });
    const upserted = ok(await test.put("/alerts/batch/external", { items: [unchanged, alert("b", { externalId: "b" })] }));
    expect(upserted.data.map((entry: any) => [entry.action, entry.data.externalId])).toEqual([
      ["skipped", "a"],
      ["created", "b"],
    ]);
  });
});

describe("upsert by external key", () => {
  it("creates, skips when nothing changed, then updates; the key stays the path's", async () => {
    emulator.reset();
    const created = ok(await test.put("/products/external/p-1", { name: "Gold", description: "card" }));
    expect(created.action).toBe("created");
    expect(created.data).toMatchObject({ externalId: "p-1", name: "Gold" });
    const skipped = ok(await test.put("/products/external/p-1", { name: "Gold" }));
    expect(skipped).toMatchObject({ action: "skipped", data: { id: created.data.id, updatedAt: created.data.updatedAt } });
    const updated = ok(await test.put("/products/external/p-1", { name: "Platinum" }));
    expect(updated).toMatchObject({ action: "updated", data: { id: created.data.id, name: "Platinum" } });
    expect(updated.data.updatedAt > created.data.updatedAt).toBe(true);
    expect(ok(await live.put("/products/external/p-1", { name: "Gold" })).action).toBe("created");
  });
});

describe("retrieve, update, actions and sub-collections", () => {
  it("an action answers its record with the body's fields applied (signable templates), a plain array lists them", async () => {
    emulator.reset();
    const template = ok(
      await test.post("/signable-templates", { id: "6f1c2a9e-0b7d-4c1e-9a53-2f1e8d7c6b5a", category: "nda", filename: "nda.pdf", name: "NDA", sha256: "a".repeat(64), size: 10, storagePath: "s/nda.pdf" }),
    );
    expect(template).toMatchObject({ name: "NDA", environment: "test" });
    expect(ok(await test.get("/signable-templates"))).toEqual([template]);
    const places = [{ page: 1, x: 10, y: 20, width: 100, height: 40, role: "signer", type: "signature" }];
    const replaced = await test.post(`/signable-templates/${template.id}/places`, { places });
    if (replaced.status === 400) throw new Error(JSON.stringify(replaced.body));
    expect(ok(replaced).id).toBe(template.id);
    expect((await test.post("/signable-templates/00000000-0000-4000-8000-000000000000/places", { places })).status).toBe(404);
  });

  it("retrieve and update answer 404 for a record the data set does not hold", async () => {
    emulator.reset();
    const reply = await test.get("/workflow-templates/00000000-0000-4000-8000-000000000000");
    expect(reply.status).toBe(404);
    expect(reply.body.code).toBe("NOT_FOUND");
    expect((await test.patch("/workflow-templates/00000000-0000-4000-8000-000000000000", { name: "x" })).status).toBe(404);
    expect((await test.get("/audit-logs/00000000-0000-4000-8000-000000000000")).status).toBe(404);
    expect(ok(await test.get("/audit-logs"))).toEqual({ data: [], pagination: page });
  });

  it("a sub-collection lists the records of its parent (evidence of a transaction) and 404s for an unknown parent", async () => {
    emulator.reset();
    const client = ok(await test.post("/clients", { type: "individual", name: "Ana" }));
    const tx = ok(await test.post("/transactions", { amount: 10, currency: "MXN", timestamp: "2025-01-01T00:00:00Z", relatedClientIds: [client.id] }));
    const linked = ok(await test.post("/evidence", { type: "invoice", scope: "MX", transactionIds: [tx.id] })).evidence;
    ok(await test.post("/evidence", { type: "receipt", scope: "MX" }));
    expect(ok(await test.post(`/transactions/${tx.id}/evidence/list`, {})).data).toEqual([linked]);
    expect((await test.post("/transactions/00000000-0000-4000-8000-000000000000/evidence/list", {})).status).toBe(404);
  });
});

describe("stateless answers", () => {
  it("answers exactly the operations no family places and no layer serves statelessly; none answers 501", () => {
    expect(emulator.families).toHaveLength(31);
    expect(emulator.families.flatMap((family) => family.operations)).toHaveLength(81);
    expect(emulator.unmodelledOperations.map((entry) => entry.operationId)).toEqual([
      "alerts.addItems",
      "alerts.removeItems",
      "auditLogs.verify",
      "exchangeRates.getRate",
      "referenceData.listSnapshots",
      "workflowTemplates.import",
      "workflows.promote",
      "workflows.trigger",
    ]);
  });

  it("lists the operations no family places, with the reason, and answers them from the response schema", async () => {
    expect(emulator.unmodelledOperations).toContainEqual({ operationId: "exchangeRates.getRate", reason: "stateless: no resource pattern fits GET /exchange-rates" });
    expect(emulator.unmodelledOperations.some((entry) => entry.reason.startsWith("501"))).toBe(false);
    const rate = ok(await test.get("/exchange-rates?baseCurrency=USD&targetCurrency=MXN"));
    expect(rate).toEqual(ok(await test.get("/exchange-rates?baseCurrency=USD&targetCurrency=MXN")));
    expect(typeof rate.baseCurrency).toBe("string");
  });
});
