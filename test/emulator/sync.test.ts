import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Emulator } from "../../src/emulator/index";
import { api, ok, person, startTestEmulator, type Api } from "./helpers";

let emulator: Emulator;
let test: Api;

beforeAll(async () => {
  emulator = await startTestEmulator();
  test = api(emulator, "test");
});
afterAll(() => emulator.stop());
beforeEach(() => emulator.reset());

const address = (street: string, extra: Record<string, unknown> = {}) => ({ street, city: "CDMX", state: "CDMX", postalCode: "01000", ...extra });

describe("clients.sync", () => {
  it("creates a client with its resources, then updates, deletes and creates by id", async () => {
    const first = ok(
      await test.post("/clients/sync", {
        client: person("Sync", { externalId: "sync-1" }),
        addresses: [address("Main 1", { type: "home", isPrimary: true })],
        contactMethods: [{ type: "email", value: "s@example.com" }],
        bankAccounts: [{ accountNumber: "123", bankName: "Banco", country: "MX", currency: "MXN", clabe: "002010077777777771" }],
        linkedClients: [{ child: person("Kid"), relationshipType: "controlling_beneficiary" }],
      }),
    );
    const clientId = first.client.id;
    expect(first.addresses.created).toHaveLength(1);
    expect(first.contactMethods.created).toHaveLength(1);
    expect(first.bankAccounts.created[0].clabe).toBe("002010077777777771");
    expect(first.documents).toEqual({ created: [], updated: [], deleted: [] });
    expect(first.client.linkedClients[0]).toMatchObject({ relationshipType: "controlling_beneficiary", client: { name: "Kid" } });

    const addressId = first.addresses.created[0].id;
    const cmId = first.contactMethods.created[0].id;
    const second = ok(
      await test.post("/clients/sync", {
        clientId,
        client: { lastName: "Updated" },
        addresses: [{ id: addressId, street: "Main 2" }, address("Second")],
        contactMethods: [{ id: cmId, _delete: true }],
      }),
    );
    expect(second.client.lastName).toBe("Updated");
    expect(second.addresses.updated.map((a: any) => a.street)).toEqual(["Main 2"]);
    expect(second.addresses.created.map((a: any) => a.street)).toEqual(["Second"]);
    expect(second.contactMethods.deleted).toEqual([cmId]);
    // bankAccounts absent from the request: left alone
    expect(second.bankAccounts).toEqual({ created: [], updated: [], deleted: [] });
    expect(second.client.bankAccounts).toHaveLength(1);
  });

  it("replaceMode deletes what the listed arrays do not mention, and only those arrays", async () => {
    const created = ok(
      await test.post("/clients/sync", {
        client: person("R"),
        addresses: [address("Keep"), address("Drop")],
        contactMethods: [{ type: "phone", value: "555" }],
      }),
    );
    const [keep, drop] = created.addresses.created;
    const replaced = ok(
      await test.post("/clients/sync", { clientId: created.client.id, replaceMode: true, addresses: [{ id: keep.id }, address("New")] }),
    );
    expect(replaced.addresses.deleted).toEqual([drop.id]);
    expect(replaced.addresses.updated).toEqual([]); // nothing changed on "Keep"
    expect(replaced.client.addresses.map((a: any) => a.street)).toEqual(["Keep", "New"]);
    expect(replaced.client.contactMethods).toHaveLength(1);
  });

  it("answers 404 for an unknown id and 409 for another client's id, writing nothing", async () => {
    const a = ok(await test.post("/clients/sync", { client: person("A"), addresses: [address("A st")] }));
    const b = ok(await test.post("/clients/sync", { client: person("B") }));
    const foreignId = a.addresses.created[0].id;
    const conflict = await test.post("/clients/sync", { clientId: b.client.id, addresses: [address("B st"), { id: foreignId, street: "stolen" }] });
    expect(conflict.status).toBe(409);
    expect(conflict.body).toMatchObject({ code: "CONFLICT", issues: [{ path: "/body/addresses/1/id" }] });
    const missing = await test.post("/clients/sync", { clientId: b.client.id, addresses: [{ id: "00000000-0000-4000-8000-000000000000" }] });
    expect(missing.status).toBe(404);
    expect(missing.body.issues[0].path).toBe("/body/addresses/0/id");
    expect(ok(await test.get(`/clients/${b.client.id}`)).addresses).toEqual([]);
    expect(ok(await test.get(`/clients/${a.client.id}`)).addresses[0].street).toBe("A st");
  });

  it("rejects arrays over 250 items and creates that lack required fields", async () => {
    const over = await test.post("/clients/sync", { client: person("X"), addresses: Array.from({ length: 251 }, (_, i) => address(`S${i}`)) });
    expect(over.status).toBe(400);
    expect(over.body.issues[0].path).toBe("/body/addresses");
    const incomplete = await test.post("/clients/sync", { client: person("X"), addresses: [{ street: "no city" }] });
    expect(incomplete.status).toBe(400);
    expect(incomplete.body.issues[0].path).toBe("/body/addresses/0/city");
    const noClient = await test.post("/clients/sync", {});
    expect(noClient.body.issues[0].path).toBe("/body/client");
    expect(emulator.state.test.clients.size).toBe(0);
  });
});

describe("per-resource sync", () => {
  it("addresses, contact methods and bank accounts sync with replaceMode", async () => {
    const client = ok(await test.post("/clients", person("P")));
    const base = `/clients/${client.id}`;
    const a = ok(await test.post(`${base}/addresses/sync`, { items: [address("One"), address("Two")] }));
    expect(a.created).toHaveLength(2);
    const a2 = ok(await test.post(`${base}/addresses/sync`, { items: [{ id: a.created[0].id, city: "GDL" }], replaceMode: true }));
    expect(a2).toEqual({ created: [], updated: [expect.objectContaining({ city: "GDL" })], deleted: [a.created[1].id] });

    const c = ok(await test.post(`${base}/contact-methods/sync`, { items: [{ type: "email", value: "x@y.z" }] }));
    expect(c.created[0]).toMatchObject({ isVerified: false, verifiedAt: null });
    const b = ok(await test.post(`${base}/bank-accounts/sync`, { items: [{ accountNumber: "1", bankName: "B", country: "US", currency: "USD" }] }));
    expect(b.created[0].isActive).toBe(true);
    const b2 = ok(await test.post(`${base}/bank-accounts/sync`, { items: [{ id: b.created[0].id, _delete: true }] }));
    expect(b2.deleted).toEqual([b.created[0].id]);

    const tooMany = await test.post(`${base}/contact-methods/sync`, { items: Array.from({ length: 251 }, () => ({ type: "email", value: "v" })) });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.issues[0].path).toBe("/body/items");
    expect((await test.post(`/clients/00000000-0000-4000-8000-000000000000/addresses/sync`, { items: [] })).status).toBe(404);
  });
});
