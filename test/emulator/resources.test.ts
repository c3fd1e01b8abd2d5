import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Emulator } from "../../src/emulator/index";
import { api, ok, person, startTestEmulator, type Api } from "./helpers";

let emulator: Emulator;
let test: Api;
let clientId: string;

beforeAll(async () => {
  emulator = await startTestEmulator();
  test = api(emulator, "test");
});
afterAll(() => emulator.stop());
beforeEach(async () => {
  emulator.reset();
  clientId = ok(await test.post("/clients", person("Owner"))).id;
});

const address = (street: string, extra: Record<string, unknown> = {}) => ({ clientId, street, city: "CDMX", state: "CDMX", postalCode: "01000", ...extra });

describe("addresses", () => {
  it("batch creates, lists with a cursor and limit, and keeps one primary per type", async () => {
    const created = ok(await test.post("/addresses/batch", { items: [address("A", { type: "home", isPrimary: true }), address("B", { type: "home" }), address("C", { type: "business", isPrimary: true })] }));
    expect(created.data.map((a: any) => a.scope)).toEqual(["base", "base", "base"]);
    const page = ok(await test.get(`/clients/${clientId}/addresses?limit=2`));
    expect(page.data.map((a: any) => a.street)).toEqual(["A", "B"]);
    const next = ok(await test.get(`/clients/${clientId}/addresses?limit=2&cursor=${page.pagination.nextCursor}`));
    expect(next).toMatchObject({ data: [{ street: "C" }], pagination: { hasMore: false, nextCursor: null } });
    expect((await test.get(`/clients/${clientId}/addresses?limit=0`)).body.issues[0].path).toBe("/query/limit");
    expect((await test.get(`/clients/${clientId}/addresses?limit=many`)).body.issues[0].path).toBe("/query/limit");

    expect(ok(await test.get(`/clients/${clientId}/addresses/primary?type=home`)).street).toBe("A");
    ok(await test.patch("/addresses/batch", { items: [{ id: created.data[1].id, data: { isPrimary: true } }] }));
    expect(ok(await test.get(`/clients/${clientId}/addresses/primary?type=home`)).street).toBe("B");
    expect(ok(await test.get(`/clients/${clientId}/addresses/primary?type=legal`))).toBeNull();
    expect((await test.get(`/clients/${clientId}/addresses/primary?type=castle`)).body.issues[0].path).toBe("/query/type");
  });

  it("upserts by externalId: created, skipped when unchanged, updated", async () => {
    const first = ok(await test.put("/addresses/batch/external", { items: [address("A", { externalId: "a-1" })] }));
    expect(first.data[0].action).toBe("created");
    const same = ok(await test.put("/addresses/batch/external", { items: [address("A", { externalId: "a-1" })] }));
    expect(same.data[0]).toMatchObject({ action: "skipped", data: { updatedAt: first.data[0].data.updatedAt } });
    const changed = ok(await test.put("/addresses/batch/external", { items: [address("A2", { externalId: "a-1" })] }));
    expect(changed.data[0]).toMatchObject({ action: "updated", data: { id: first.data[0].data.id, street: "A2" } });
  });

  it("lists all addresses with a filter", async () => {
    const other = ok(await test.post("/clients", person("Other"))).id;
    ok(await test.post("/addresses/batch", { items: [address("A", { city: "GDL" }), address("B"), { ...address("C"), clientId: other }] }));
    expect(ok(await test.post("/addresses/list", { filter: { clientId } })).data).toHaveLength(2);
    expect(ok(await test.post("/addresses/list", { filter: { city: { in: ["GDL", "MTY"] } } })).data.map((a: any) => a.street)).toEqual(["A"]);
    expect(ok(await test.post("/addresses/list", { filter: { clientId: { nin: [clientId] } }, includeTotalCount: true })).pagination.totalCount).toBe(1);
  });

  it("answers 404 for an unknown client in a batch", async () => {
    const missing = await test.post("/addresses/batch", { items: [{ ...address("A"), clientId: "00000000-0000-4000-8000-000000000000" }] });
    expect(missing.status).toBe(404);
    expect(missing.body.issues[0].path).toBe("/body/items/0/clientId");
  });
});

describe("contact methods", () => {
  it("upserts, lists with filters and finds the primary per type", async () => {
    const created = ok(await test.put("/contact-methods/external/m-1", { clientId, type: "email", value: "a@x.io", isPrimary: true }));
    expect(created).toMatchObject({ action: "created", data: { externalId: "m-1", isVerified: false } });
    expect(ok(await test.put("/contact-methods/external/m-1", { clientId, type: "email", value: "a@x.io", isPrimary: true })).action).toBe("skipped");
    const many = ok(await test.put("/contact-methods/batch/external", { items: [{ clientId, type: "phone", value: "555", externalId: "p-1" }, { clientId, type: "email", value: "b@x.io", externalId: "m-2", isPrimary: true }] }));
    expect(many.data.map((d: any) => d.action)).toEqual(["created", "created"]);
    expect(ok(await test.get(`/clients/${clientId}/contact-methods/primary/email`)).value).toBe("b@x.io");
    expect((await test.get(`/clients/${clientId}/contact-methods/primary/fax`)).status).toBe(404);
    expect(ok(await test.post("/contact-methods/list", { filter: { type: "email" } })).data).toHaveLength(2);
    const other = ok(await test.post("/clients", person("Other"))).id;
    const stolen = await test.put("/contact-methods/external/m-1", { clientId: other, type: "email", value: "a@x.io" });
    expect(stolen.status).toBe(409);
  });
});

describe("bank accounts", () => {
  it("creates in batch, updates, upserts and lists for a client", async () => {
    const batch = ok(await test.post("/bank-accounts/batch", { items: [{ clientId, accountNumber: "1", bankName: "B", country: "MX", currency: "MXN", clabe: "002010077777777771" }] }));
    const id = batch.data[0].id;
    expect(ok(await test.patch(`/bank-accounts/${id}`, { data: { label: "payroll" } })).label).toBe("payroll");
    expect((await test.patch("/bank-accounts/00000000-0000-4000-8000-000000000000", { data: { label: "x" } })).status).toBe(404);
    expect(ok(await test.put("/bank-accounts/external/ba-2", { clientId, accountNumber: "2", bankName: "B", country: "US", currency: "USD" })).action).toBe("created");
    expect(ok(await test.get(`/clients/${clientId}/bank-accounts?limit=1`)).pagination.hasMore).toBe(true);
  });
});

describe("documents", () => {
  it("creates with an upload URL, upserts by externalId and lists for a client", async () => {
    const created = ok(await test.post("/documents", { clientId, category: "identity", contentType: "image/png" }));
    expect(created.document).toMatchObject({ status: "pending_upload", type: "identity", clientId });
    expect(created.upload.url).toContain(created.document.id);
    const upserted = ok(await test.put("/documents/external/ine-1", { clientId, type: "ine", fields: { curp: "ABCD" } }));
    expect(upserted.action).toBe("created");
    expect(ok(await test.put("/documents/external/ine-1", { clientId, type: "ine", fields: { curp: "EFGH" } })).action).toBe("updated");
    expect(ok(await test.get(`/clients/${clientId}/documents`)).data.map((d: any) => d.type)).toEqual(["identity", "ine"]);
    const docSync = await test.post("/clients/sync", { clientId, documents: [{ id: created.document.id, expiresAt: "2030-01-01" }] });
    expect(ok(docSync).documents.updated[0].expiresAt).toBe("2030-01-01");
  });
});

describe("transactions", () => {
  const tx = (extra: Record<string, unknown> = {}) => ({ amount: 250.5, currency: "MXN", relatedClientIds: [clientId], timestamp: "2025-01-02T10:00:00Z", ...extra });

  it("creates, upserts, retrieves, relinks clients and counts", async () => {
    const created = ok(await test.post("/transactions", tx({ metadata: { order: "o-1" } })));
    expect(created).toMatchObject({ isAlerted: false, alertedAt: null, scopes: ["base"], relatedClientIds: [clientId] });
    expect(ok(await test.get("/transactions/metadata/order/o-1")).id).toBe(created.id);
    const unknownClient = await test.post("/transactions", tx({ relatedClientIds: ["00000000-0000-4000-8000-000000000000"] }));
    expect(unknownClient.status).toBe(404);
    expect(unknownClient.body.issues[0].path).toBe("/body/relatedClientIds/0");

    const batch = ok(await test.post("/transactions/batch", { items: [tx({ externalId: "t-1" }), tx({ externalId: "t-1" })], atomic: false }));
    expect(batch.data).toHaveLength(1);
    expect(batch.errors[0]).toMatchObject({ index: 1, code: "CONFLICT" });
    expect(ok(await test.put("/transactions/external/t-1", tx())).action).toBe("skipped");
    expect(ok(await test.put("/transactions/batch/external", { items: [tx({ externalId: "t-1", amount: 1 }), tx({ externalId: "t-2" })] })).data.map((d: any) => d.action)).toEqual(["updated", "created"]);
    expect(ok(await test.get("/transactions/external/t-1")).amount).toBe(1);

    const other = ok(await test.post("/clients", person("Other"))).id;
    expect(ok(await test.put(`/transactions/${created.id}/clients`, { clients: [{ clientId }, { clientId: other }] })).relatedClientIds).toEqual([clientId, other]);
    expect(ok(await test.del(`/transactions/${created.id}/clients/${other}`)).relatedClientIds).toEqual([clientId]);
    expect((await test.del(`/transactions/${created.id}/clients/${other}`)).status).toBe(404);

    expect(ok(await test.post("/transactions/count", {})).count).toBe(3);
    expect(ok(await test.post("/transactions/count", { filter: { amount: { gte: 100 } } })).count).toBe(2);
    expect(ok(await test.post("/transactions/count", { filter: { externalId: { in: ["t-2"] } } })).count).toBe(1);
  });
});
