import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Emulator } from "../../src/emulator/index";
import { api, ok, person, startTestEmulator, type Api } from "./helpers";

let emulator: Emulator;
let test: Api;
let live: Api;

beforeAll(async () => {
  emulator = await startTestEmulator();
  test = api(emulator, "test");
  live = api(emulator, "live");
});
afterAll(() => emulator.stop());
beforeEach(() => emulator.reset());

const countsOf = (result: any) => Object.fromEntries(result.counts.map((c: any) => [c.resource, [c.created, c.updated]]));

/** A test client without externalId, with an address, a contact method and one transaction without externalId. */
async function seedTestClient() {
  const client = ok(await test.post("/clients", person("Migrant")));
  ok(await test.post("/addresses/batch", { items: [{ clientId: client.id, street: "S", city: "C", state: "ST", postalCode: "1" }] }));
  ok(await test.put("/contact-methods/external/cm-1", { clientId: client.id, type: "email", value: "m@example.com" }));
  const transaction = ok(await test.post("/transactions", { amount: 100, currency: "MXN", relatedClientIds: client.id, timestamp: "2025-01-01T00:00:00Z", description: "first payment" }));
  return { client, transaction };
}

describe("clients.migrate", () => {
  it("is blocked by missing externalIds, then completes once they are added, with counts", async () => {
    const { client, transaction } = await seedTestClient();
    const blocked = ok(await test.post(`/clients/${client.id}/migrate`, { to: "live" }));
    expect(blocked).toEqual({
      status: "blocked",
      blockers: [
        { resource: "client", id: client.id, label: "Migrant", reason: "missing-external-id" },
        { resource: "transaction", id: transaction.id, label: "first payment", reason: "missing-external-id" },
      ],
    });
    expect(emulator.state.live.clients.size).toBe(0);

    ok(await test.patch(`/clients/${client.id}`, { externalId: "migrant" }));
    ok(await test.put("/transactions/external/tx-1", { amount: 100, currency: "MXN", relatedClientIds: [client.id], timestamp: "2025-01-01T00:00:00Z" }));
    // the first transaction still lacks an externalId: only it blocks now
    const stillBlocked = ok(await test.post(`/clients/${client.id}/migrate`, { to: "live" }));
    expect(stillBlocked.blockers.map((b: any) => b.id)).toEqual([transaction.id]);
    // migrating without transactions is possible
    const done = ok(await test.post(`/clients/${client.id}/migrate`, { to: "live", include: { transactions: false } }));
    expect(done).toMatchObject({ status: "completed", action: "created" });
    expect(countsOf(done)).toEqual({ clients: [1, 0], addresses: [1, 0], contactMethods: [1, 0], bankAccounts: [0, 0], documents: [0, 0], relationships: [0, 0] });

    const target = ok(await live.get(`/clients/${done.targetId}`));
    expect(target).toMatchObject({ externalId: "migrant", name: "Migrant", addresses: [{ street: "S" }], contactMethods: [{ externalId: "cm-1" }] });
    expect(target.id).not.toBe(client.id);
    expect((await live.get(`/transactions/external/tx-1`)).status).toBe(404);
  });

  it("updates an existing target by externalId; precedence decides which values win", async () => {
    const client = ok(await test.post("/clients", person("Source name", { externalId: "same", middleName: "Src" })));
    const target = ok(await live.post("/clients", person("Target name", { externalId: "same" })));

    const keepTarget = ok(await test.post(`/clients/${client.id}/migrate`, { to: "live", precedence: "target" }));
    expect(keepTarget).toMatchObject({ status: "completed", action: "updated", targetId: target.id });
    const afterTarget = ok(await live.get(`/clients/${target.id}`));
    expect(afterTarget.name).toBe("Target name"); // existing target value wins
    expect(afterTarget.middleName).toBe("Src"); // missing in target: filled from source

    const keepSource = ok(await test.post(`/clients/${client.id}/migrate`, { to: "live" }));
    expect(countsOf(keepSource).clients).toEqual([0, 1]);
    expect(ok(await live.get(`/clients/${target.id}`)).name).toBe("Source name");

    const again = ok(await test.post(`/clients/${client.id}/migrate`, { to: "live" }));
    expect(countsOf(again).clients).toEqual([0, 0]); // nothing left to change
  });

  it("copies transactions and linked clients, mapping related client ids", async () => {
    const parent = ok(await test.post("/clients", person("Parent", { externalId: "p" })));
    const { child } = ok(await test.post(`/clients/${parent.id}/related`, { child: person("Child") }));
    const blocked = ok(await test.post(`/clients/${parent.id}/migrate`, { to: "live" }));
    expect(blocked.blockers).toEqual([{ resource: "client", id: child.id, label: "Child", reason: "missing-external-id" }]);
    ok(await test.patch(`/clients/${child.id}`, { externalId: "c" }));
    ok(await test.post("/transactions", { amount: 5, currency: "USD", relatedClientIds: [parent.id], timestamp: "2025-02-01T00:00:00Z", externalId: "t" }));

    const done = ok(await test.post(`/clients/${parent.id}/migrate`, { to: "live" }));
    expect(countsOf(done)).toMatchObject({ clients: [2, 0], relationships: [1, 0], transactions: [1, 0] });
    const liveParent = ok(await live.get(`/clients/${done.targetId}`));
    expect(liveParent.linkedClients[0].client.externalId).toBe("c");
    expect(ok(await live.get("/transactions/external/t")).relatedClientIds).toEqual([done.targetId]);
  });

  it("rejects a migration into the environment it runs in", async () => {
    const client = ok(await test.post("/clients", person("X", { externalId: "x" })));
    const same = await test.post(`/clients/${client.id}/migrate`, { to: "test" });
    expect(same.status).toBe(400);
    expect(same.body.issues[0].path).toBe("/body/to");
  });
});

describe("clients.previewMigration", () => {
  it("reports target, blockers and per-resource creates/updates without writing", async () => {
    const { client } = await seedTestClient();
    const before = { ids: JSON.stringify([...emulator.state.live.clients.keys()]), test: emulator.state.test.clients.size };
    const preview = ok(await test.post(`/clients/${client.id}/migrate/preview`, { to: "live" }));
    expect(preview.target).toEqual({ exists: false, id: null });
    expect(preview.blockers.map((b: any) => b.resource)).toEqual(["client", "transaction"]);

    ok(await test.patch(`/clients/${client.id}`, { externalId: "m" }));
    const clean = ok(await test.post(`/clients/${client.id}/migrate/preview`, { to: "live", include: { transactions: false } }));
    expect(clean.blockers).toEqual([]);
    expect(clean.items).toContainEqual({ resource: "addresses", total: 1, creates: 1, updates: 0 });
    expect(emulator.state.live.clients.size).toBe(0);
    expect(JSON.stringify([...emulator.state.live.clients.keys()])).toBe(before.ids);

    const migrated = ok(await test.post(`/clients/${client.id}/migrate`, { to: "live", include: { transactions: false } }));
    const afterwards = ok(await test.post(`/clients/${client.id}/migrate/preview`, { to: "live", include: { transactions: false } }));
    expect(afterwards.target).toEqual({ exists: true, id: migrated.targetId });
    expect(afterwards.items.every((i: any) => i.creates === 0 && i.updates === 0)).toBe(true);
  });
});

describe("transactions.migrate", () => {
  it("needs externalIds on the transaction and its clients, then copies both", async () => {
    const client = ok(await test.post("/clients", person("Payer")));
    const transaction = ok(await test.post("/transactions", { amount: 10, currency: "MXN", relatedClientIds: [client.id], timestamp: "2025-03-01T00:00:00Z" }));
    const blocked = ok(await test.post(`/transactions/${transaction.id}/migrate`, { to: "live" }));
    expect(blocked.blockers.map((b: any) => `${b.resource}:${b.id}`)).toEqual([`client:${client.id}`, `transaction:${transaction.id}`]);

    ok(await test.patch(`/clients/${client.id}`, { externalId: "payer" }));
    ok(await test.put("/transactions/external/pay-1", { amount: 10, currency: "MXN", relatedClientIds: [client.id], timestamp: "2025-03-01T00:00:00Z" }));
    const upserted = ok(await test.get("/transactions/external/pay-1"));
    const done = ok(await test.post(`/transactions/${upserted.id}/migrate`, { to: "live" }));
    expect(done).toMatchObject({ status: "completed", action: "created" });
    expect(countsOf(done)).toMatchObject({ transactions: [1, 0], clients: [1, 0], evidence: [0, 0] });
    const copied = ok(await live.get("/transactions/external/pay-1"));
    expect(copied.id).toBe(done.targetId);
    expect(ok(await live.get(`/clients/${copied.relatedClientIds[0]}`)).externalId).toBe("payer");
  });
});
