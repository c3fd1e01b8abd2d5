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

describe("clients", () => {
  it("creates, retrieves, updates and deletes a client with its nested resources", async () => {
    const created = ok(await test.post("/clients", person("Ana", { externalId: "ana", metadata: { crm: "42" }, birthDate: "1990-06-15" })));
    expect(created).toMatchObject({ name: "Ana", isPrimary: true, scopes: ["base"], addresses: [], linkedClients: [] });
    expect(created.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(created.age).toBe(34);

    ok(await test.put("/contact-methods/external/ana-mail", { clientId: created.id, type: "email", value: "ana@example.com", isPrimary: true }));
    const retrieved = ok(await test.get(`/clients/${created.id}`));
    expect(retrieved.email).toBe("ana@example.com");
    expect(retrieved.contactMethods).toHaveLength(1);

    const updated = ok(await test.patch(`/clients/${created.id}`, { lastName: "López" }));
    expect(updated.lastName).toBe("López");
    expect(updated.updatedAt > created.updatedAt).toBe(true);

    expect(ok(await test.get("/clients/metadata/crm/42")).id).toBe(created.id);
    expect((await test.get("/clients/metadata/crm/43")).status).toBe(404);

    expect(ok(await test.del(`/clients/${created.id}`))).toEqual({ id: created.id, deleted: true });
    const gone = await test.get(`/clients/${created.id}`);
    expect(gone.status).toBe(404);
    expect(gone.body.code).toBe("NOT_FOUND");
    expect(emulator.state.test.contactMethods.size).toBe(0);
  });

  it("rejects a second client with the same externalId (409)", async () => {
    ok(await test.post("/clients", person("Ana", { externalId: "dup" })));
    const again = await test.post("/clients", person("Other", { externalId: "dup" }));
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: "CONFLICT", issues: [{ path: "/body/externalId" }] });
  });

  it("batch create is all-or-nothing when atomic (default) and per item otherwise", async () => {
    ok(await test.post("/clients", person("Taken", { externalId: "taken" })));
    const items = [person("A", { externalId: "a" }), person("B", { externalId: "taken" }), person("C")];
    const atomic = await test.post("/clients/batch", { items });
    expect(atomic.status).toBe(409);
    expect(atomic.body.issues[0].path).toBe("/body/items/1/externalId");
    expect(emulator.state.test.clients.size).toBe(1);

    const partial = ok(await test.post("/clients/batch", { items, atomic: false }));
    expect(partial.atomic).toBe(false);
    expect(partial.data.map((c: any) => c.name)).toEqual(["A", "C"]);
    expect(partial.errors).toEqual([{ index: 1, code: "CONFLICT", message: expect.stringContaining("taken") }]);
    expect(emulator.state.test.clients.size).toBe(3);
  });

  it("accepts 250 batch items and rejects 251 or 0 through validation", async () => {
    const items = (n: number) => Array.from({ length: n }, (_, i) => person(`C${i}`));
    expect(ok(await test.post("/clients/batch", { items: items(250) })).data).toHaveLength(250);
    const over = await test.post("/clients/batch", { items: items(251) });
    expect(over.status).toBe(400);
    expect(over.body).toMatchObject({ code: "VALIDATION_ERROR", issues: [{ path: "/body/items", message: expect.stringContaining("250") }] });
    expect((await test.post("/clients/batch", { items: [] })).status).toBe(400);
  });

  it("validates bodies and path parameters with JSON pointers", async () => {
    const bad = await test.post("/clients/batch", { items: [person("ok"), person("ok"), person("ok"), { name: "x", type: "individual", scopes: ["nope"] }] });
    expect(bad.status).toBe(400);
    expect(bad.body.issues.map((i: any) => i.path)).toContain("/body/items/3/scopes/0");
    const badId = await test.get("/clients/not-a-uuid");
    expect(badId.status).toBe(400);
    expect(badId.body.issues).toEqual([{ path: "/path/id", message: expect.stringContaining("uuid") }]);
  });

  it("lists clients with filters and an opaque cursor", async () => {
    ok(await test.post("/clients/batch", { items: Array.from({ length: 5 }, (_, i) => person(`Client ${i}`, { type: i % 2 ? "company" : "individual" })) }));
    const first = ok(await test.post("/clients/list", { limit: 2, includeTotalCount: true }));
    expect(first.data.map((c: any) => c.name)).toEqual(["Client 0", "Client 1"]);
    expect(first.pagination).toMatchObject({ hasMore: true, totalCount: 5 });
    const second = ok(await test.post("/clients/list", { limit: 2, cursor: first.pagination.nextCursor }));
    expect(second.data.map((c: any) => c.name)).toEqual(["Client 2", "Client 3"]);
    const last = ok(await test.post("/clients/list", { limit: 2, cursor: second.pagination.nextCursor }));
    expect(last.pagination).toEqual({ hasMore: false, nextCursor: null });
    const companies = ok(await test.post("/clients/list", { filter: { type: "company" } }));
    expect(companies.data.map((c: any) => c.name)).toEqual(["Client 1", "Client 3"]);
    const search = ok(await test.post("/clients/list", { filter: { search: "client 4" } }));
    expect(search.data).toHaveLength(1);
    const foreign = await test.post("/clients/list", { filter: { type: "company" }, cursor: first.pagination.nextCursor });
    expect(foreign.status).toBe(400);
    expect(foreign.body.issues[0].path).toBe("/body/cursor");
  });

  it("promotes a related client once and answers 409 on a primary client", async () => {
    const parent = ok(await test.post("/clients", person("Parent")));
    const { child } = ok(await test.post(`/clients/${parent.id}/related`, { child: person("Child"), relationshipType: "controlling_beneficiary" }));
    expect(child.isPrimary).toBe(false);
    expect(ok(await test.post(`/clients/${child.id}/promote`)).isPrimary).toBe(true);
    const again = await test.post(`/clients/${child.id}/promote`);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe("CONFLICT");
    expect((await test.post(`/clients/${parent.id}/promote`)).status).toBe(409);
  });

  it("links, lists, replaces and unlinks linked clients", async () => {
    const [parent, a, b] = ok(await test.post("/clients/batch", { items: [person("P"), person("A"), person("B")] })).data;
    const linked = ok(await test.post(`/clients/${parent.id}/links`, { childClientId: a.id, metadata: { role: "rep" } }));
    expect(linked.linkedClients).toEqual([expect.objectContaining({ relationshipType: "legal_representative", client: expect.objectContaining({ id: a.id }) })]);
    expect((await test.post(`/clients/${parent.id}/links`, { childClientId: a.id })).status).toBe(409);
    expect((await test.post(`/clients/${parent.id}/links`, { childClientId: parent.id })).status).toBe(409);

    const links = ok(await test.get(`/clients/${parent.id}/links`));
    expect(ok(await test.get(`/client-links/${links[0].id}`)).client.id).toBe(a.id);
    expect(ok(await test.get(`/clients/${parent.id}/links?relationshipType=controlling_beneficiary`))).toEqual([]);

    const replaced = ok(await test.put(`/clients/${parent.id}/links`, { linkedClients: [{ clientId: b.id, relationshipType: "controlling_beneficiary" }] }));
    expect(replaced.linkedClients.map((l: any) => l.client.id)).toEqual([b.id]);
    const unlinked = ok(await test.del(`/clients/${parent.id}/links/${b.id}`, {}));
    expect(unlinked.id).toBe(b.id);
    expect(ok(await test.get(`/clients/${parent.id}`)).linkedClients).toEqual([]);
    expect((await test.del(`/clients/${parent.id}/links/${b.id}`)).status).toBe(404);
  });

  it("keeps the test and live environments apart", async () => {
    const inTest = ok(await test.post("/clients", person("Only in test", { externalId: "shared" })));
    expect((await live.get(`/clients/${inTest.id}`)).status).toBe(404);
    const inLive = ok(await live.post("/clients", person("Only in live", { externalId: "shared" })));
    expect(ok(await live.post("/clients/list", {})).data.map((c: any) => c.id)).toEqual([inLive.id]);
    expect(ok(await test.post("/clients/list", {})).data.map((c: any) => c.id)).toEqual([inTest.id]);
  });
});
