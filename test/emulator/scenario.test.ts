/**
 * One onboarding story through every operation with an ARTU layer, with
 * response validation on: if the emulator drifted from the snapshot, a step
 * would answer 500 EMULATOR_RESPONSE_INVALID. The exercised operationIds must
 * be exactly `modelledOperations`; every other operation of the snapshot is
 * served by the generic engine, none answers 501.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import artu from "../../openapi/artu.json";
import { modelledOperations, type Emulator } from "../../src/emulator/index";
import { readOperations } from "../../src/emulator/spec-operations";
import { api, ok, person, startTestEmulator } from "./helpers";

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startTestEmulator({ seed: 99 });
});
afterAll(() => emulator.stop());

describe("full scenario", () => {
  it("exercises every modelled operation against the snapshot", async () => {
    const exercised = new Set<string>();
    const test = api(emulator, "test", undefined, exercised);
    const live = api(emulator, "live", undefined, exercised);

    // clients
    const ana = ok(await test.post("/clients", person("Ana", { externalId: "ana", metadata: { crm: "1" }, scopes: ["MX"], scopeData: { MX: { rfc: "XAXX010101000" } } })));
    const [bob, carla] = ok(await test.post("/clients/batch", { items: [person("Bob", { externalId: "bob" }), person("Carla", { externalId: "carla" })] })).data;
    ok(await test.get(`/clients/${ana.id}`));
    ok(await test.patch(`/clients/${ana.id}`, { middleName: "M" }));
    ok(await test.get("/clients/metadata/crm/1"));
    ok(await test.post("/clients/list", { limit: 1, filter: { name: { in: ["Ana", "Bob"] } } }));

    // links and related clients
    ok(await test.post(`/clients/${ana.id}/links`, { childClientId: bob.id }));
    const [link] = ok(await test.get(`/clients/${ana.id}/links`));
    ok(await test.get(`/client-links/${link.id}`));
    ok(await test.put(`/clients/${ana.id}/links`, { linkedClients: [{ clientId: bob.id }, { clientId: carla.id, relationshipType: "controlling_beneficiary" }] }));
    ok(await test.del(`/clients/${ana.id}/links/${carla.id}`, {}));
    const { child } = ok(await test.post(`/clients/${ana.id}/related`, { child: person("Dora", { externalId: "dora" }) }));
    ok(await test.post(`/clients/${child.id}/promote`));

    // addresses
    const addresses = ok(await test.post("/addresses/batch", { items: [{ clientId: ana.id, street: "Reforma 1", city: "CDMX", state: "CDMX", postalCode: "06600", type: "home", isPrimary: true }] })).data;
    ok(await test.patch("/addresses/batch", { items: [{ id: addresses[0].id, data: { country: "MX" } }] }));
    ok(await test.put("/addresses/batch/external", { items: [{ clientId: ana.id, externalId: "addr-2", street: "Juárez 2", city: "GDL", state: "JAL", postalCode: "44100" }] }));
    ok(await test.get(`/clients/${ana.id}/addresses?limit=1`));
    ok(await test.get(`/clients/${ana.id}/addresses/primary?type=home`));
    ok(await test.post("/addresses/list", { filter: { city: "GDL" } }));
    ok(await test.post(`/clients/${ana.id}/addresses/sync`, { items: [{ street: "Sync 3", city: "MTY", state: "NL", postalCode: "64000" }] }));

    // contact methods
    ok(await test.put("/contact-methods/external/ana-mail", { clientId: ana.id, type: "email", value: "ana@example.com", isPrimary: true }));
    ok(await test.put("/contact-methods/batch/external", { items: [{ clientId: ana.id, type: "mobile", value: "+525500000000", externalId: "ana-mobile" }] }));
    ok(await test.post("/contact-methods/list", { filter: { clientId: ana.id } }));
    ok(await test.get(`/clients/${ana.id}/contact-methods/primary/email`));
    ok(await test.post(`/clients/${ana.id}/contact-methods/sync`, { items: [{ type: "phone", value: "5555" }] }));

    // bank accounts
    const accounts = ok(await test.post("/bank-accounts/batch", { items: [{ clientId: ana.id, accountNumber: "0001", bankName: "BBVA", country: "MX", currency: "MXN", clabe: "012180000000000001", externalId: "ana-acct" }] })).data;
    ok(await test.patch(`/bank-accounts/${accounts[0].id}`, { data: { isPrimary: true } }));
    ok(await test.put("/bank-accounts/external/ana-usd", { clientId: ana.id, accountNumber: "0002", bankName: "Chase", country: "US", currency: "USD" }));
    ok(await test.get(`/clients/${ana.id}/bank-accounts`));
    ok(await test.post(`/clients/${ana.id}/bank-accounts/sync`, { items: [{ id: accounts[0].id, label: "main" }] }));

    // documents
    const { document } = ok(await test.post("/documents", { clientId: ana.id, category: "identity", contentType: "application/pdf", externalId: "ana-ine" }));
    ok(await test.put("/documents/external/ana-rfc", { clientId: ana.id, type: "rfc", fields: { curp: "XAXX010101HDFXXX00" } }));
    ok(await test.get(`/clients/${ana.id}/documents`));

    // everything at once
    const synced = ok(
      await test.post("/clients/sync", {
        clientId: ana.id,
        client: { lastName: "Pérez" },
        documents: [{ id: document.id, expiresAt: "2031-12-31" }],
        linkedClients: [{ clientId: bob.id, relationshipType: "legal_representative" }],
      }),
    );
    expect(synced.documents.updated).toHaveLength(1);

    // transactions
    const payment = ok(await test.post("/transactions", { amount: 1500, currency: "MXN", relatedClientIds: [ana.id], timestamp: "2025-01-05T12:00:00Z", externalId: "pay-1", metadata: { invoice: "F-1" } }));
    ok(await test.post("/transactions/batch", { items: [{ amount: 10, currency: "USD", relatedClientIds: bob.id, timestamp: "2025-01-06T12:00:00Z", externalId: "pay-2" }] }));
    ok(await test.put("/transactions/external/pay-3", { amount: 20, currency: "MXN", relatedClientIds: [ana.id], timestamp: "2025-01-07T12:00:00Z" }));
    ok(await test.put("/transactions/batch/external", { items: [{ amount: 30, currency: "MXN", relatedClientIds: [ana.id], timestamp: "2025-01-08T12:00:00Z", externalId: "pay-4" }] }));
    ok(await test.get("/transactions/external/pay-1"));
    ok(await test.get("/transactions/metadata/invoice/F-1"));
    ok(await test.put(`/transactions/${payment.id}/clients`, { clients: [{ clientId: ana.id }, { clientId: bob.id }] }));
    ok(await test.del(`/transactions/${payment.id}/clients/${bob.id}`));
    expect(ok(await test.post("/transactions/count", { filter: { relatedClientIds: ana.id } })).count).toBe(3);

    // to live
    const preview = ok(await test.post(`/clients/${ana.id}/migrate/preview`, { to: "live" }));
    expect(preview.blockers).toEqual([]);
    const migrated = ok(await test.post(`/clients/${ana.id}/migrate`, { to: "live" }));
    expect(migrated.status).toBe("completed");
    const bobsPayment = ok(await test.get("/transactions/external/pay-2"));
    ok(await test.post(`/transactions/${bobsPayment.id}/migrate`, { to: "live", include: { evidence: false } }));
    expect(ok(await live.get(`/clients/${migrated.targetId}`)).addresses).toHaveLength(3);

    // clean up in test
    ok(await test.del(`/clients/${carla.id}`));

    // The story also goes through operations the generic engine serves (lists, lookups, the count).
    const engineServed = [
      "addresses.list",
      "addresses.listForClient",
      "bankAccounts.listForClient",
      "contactMethods.list",
      "documents.listForClient",
      "transactions.count",
      "transactions.retrieveByExternalId",
      "transactions.retrieveByMetadata",
    ];
    expect([...exercised].sort()).toEqual([...modelledOperations, ...engineServed].sort());
  });

  it("serves every other snapshot operation from the engine: no operation answers 501", async () => {
    const operations = readOperations(artu);
    const layered = new Set(modelledOperations);
    expect(operations.filter((op) => layered.has(op.operationId))).toHaveLength(modelledOperations.length);
    expect(emulator.unmodelledOperations.filter((entry) => entry.reason.startsWith("501"))).toEqual([]);
    // every unmodelled (stateless) one is an operation no layer serves
    for (const { operationId } of emulator.unmodelledOperations) expect(layered.has(operationId)).toBe(false);
    expect(ok(await api(emulator).post("/alerts/list", {})).data).toEqual([]);
    expect((await api(emulator).post("/transactions/00000000-0000-4000-8000-000000000000/evidence/list", {})).status).toBe(404);
    expect(ok(await api(emulator).get("/reference-data/sources"))).toEqual([]);
  });
});
